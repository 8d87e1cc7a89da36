package com.arasul;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The brain of an Arasul edge-AI box: watches the host and its containers, heals them and
 * installs signed offline updates. Each direct sub-package is one capability (a Spring Modulith
 * module); {@code ModularityTests} keeps them apart.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ArasulApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArasulApplication.class, args);
    }
}
