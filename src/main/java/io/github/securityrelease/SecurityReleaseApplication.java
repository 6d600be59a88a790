package io.github.securityrelease;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("security-release-orchestrator")
public class SecurityReleaseApplication {

  public static void main(String[] args) {
    SpringApplication.run(SecurityReleaseApplication.class, args);
  }
}
