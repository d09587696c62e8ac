package io.hirepipe.scoring.grading;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SemanticGradingSettings.class)
class SemanticGradingConfiguration {
}
