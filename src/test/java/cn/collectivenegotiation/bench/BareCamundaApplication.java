package cn.collectivenegotiation.bench;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A bare Camunda application with the product's starters (webapp, REST, JDBC, web, security, actuator,
 * validation) and none of its code: the start-up baseline. Configured by {@code bare.yaml}. Only
 * {@code @EnableAutoConfiguration}, not {@code @SpringBootApplication}: the product's component scan,
 * which covers this package on the test classpath, must not pick it up.
 */
@EnableAutoConfiguration
public class BareCamundaApplication {}
