package io.github.securityrelease.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The {@link EmbeddedDatabaseCompaction} at the right moment of a shutdown. A context destroys
 * a bean's dependents before the bean: the compaction depends on the data source (so the pool
 * closes after it), and the engine's bean is made to depend on the compaction (so the engine, and
 * with it the job executor, is closed before it).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseCompactionConfiguration {

  static final String BEAN = "embeddedDatabaseCompaction";

  @Bean(name = BEAN, destroyMethod = "onShutdown")
  EmbeddedDatabaseCompaction embeddedDatabaseCompaction(DataSource dataSource, EmbeddedDatabaseProperties properties) {
    return new EmbeddedDatabaseCompaction(dataSource, properties.shutdownCompactionTimeout());
  }

  @Bean
  static BeanFactoryPostProcessor engineClosesBeforeCompaction() {
    return beanFactory -> {
      Set<String> engines = new LinkedHashSet<>();
      for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
        engines.add(BeanFactoryUtils.transformedBeanName(name));
      }
      for (String name : beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)) {
        engines.add(BeanFactoryUtils.transformedBeanName(name));
      }
      for (String name : engines) {
        if (beanFactory.containsBeanDefinition(name)) {
          BeanDefinition engine = beanFactory.getBeanDefinition(name);
          Set<String> dependsOn = new LinkedHashSet<>();
          if (engine.getDependsOn() != null) {
            dependsOn.addAll(Set.of(engine.getDependsOn()));
          }
          dependsOn.add(BEAN);
          engine.setDependsOn(StringUtils.toStringArray(dependsOn));
        }
      }
    };
  }
}
