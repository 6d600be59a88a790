package io.github.securityrelease;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SecurityReleaseApplication {

  public static void main(String[] args) {
    SpringApplication.run(SecurityReleaseApplication.class, args);
  }
}
