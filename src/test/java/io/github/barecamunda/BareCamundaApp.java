package io.github.barecamunda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up floor of StartupBench: the Camunda Spring Boot starter with the service's
 * dependencies (the same classpath) and none of its code or models. Outside the service's
 * package, so that neither the service nor its tests ever scan it.
 */
@SpringBootApplication
public class BareCamundaApp {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApp.class, args);
  }
}
