package io.github.securityrelease.engine;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.context.annotation.Configuration;

/**
 * The service as a process application of the engine. Here rather than on the application
 * class, whose annotations every test slice reads: a {@code @WebMvcTest} starts no engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableProcessApplication("security-release-orchestrator")
class ProcessApplicationConfiguration {}
