package com.arasul.healing.internal;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the self-healing API reads from. */
@Configuration(proxyBeanMethods = false)
class HealingApiConfiguration {

    @Bean
    HealingRecords healingRecords(DataSource dataSource) {
        return new HealingRecords(dataSource);
    }
}
