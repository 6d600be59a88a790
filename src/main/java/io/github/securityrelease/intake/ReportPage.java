package io.github.securityrelease.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The report form for reporters without tools, at {@code /report}; it posts to the intake API. */
@Configuration(proxyBeanMethods = false)
class ReportPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/report").setViewName("forward:/report.html");
  }
}
