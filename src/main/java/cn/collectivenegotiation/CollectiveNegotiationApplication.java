package cn.collectivenegotiation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 集体协商要约工作链: the offer chain of the 集中要约月 campaign as executable BPMN on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CollectiveNegotiationApplication {

  public static void main(String[] args) {
    SpringApplication.run(CollectiveNegotiationApplication.class, args);
  }
}
