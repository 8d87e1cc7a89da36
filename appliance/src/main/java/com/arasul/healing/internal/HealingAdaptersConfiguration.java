package com.arasul.healing.internal;

import com.arasul.ai.AiServices;
import com.arasul.containers.ContainerActions;
import com.arasul.healing.HealingProperties;
import com.arasul.host.GpuControl;
import com.arasul.host.HostDevice;
import com.arasul.host.HostReboot;
import com.arasul.host.JetsonPower;
import com.arasul.logs.ApplianceLogFile;
import com.arasul.platform.ApplianceActivity;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/** The outbound adapters the routed actions end in: Docker, Ollama, GPU and host, database and disk. */
@Configuration(proxyBeanMethods = false)
public class HealingAdaptersConfiguration {

    @Bean
    DockerHealing dockerHealing(ContainerActions containers, ApplianceActivity activity, ServiceScope scope,
            HealingEngineProperties engine) {
        return new DockerHealing(containers, activity, scope, engine.pruneLabels());
    }

    @Bean
    AiHealing aiHealing(AiServices ai) {
        return new AiHealing(ai);
    }

    @Bean
    HostHealing hostHealing(HostDevice device, GpuControl gpu, JetsonPower power, DockerHealing docker,
            HealingProperties properties) {
        return new HostHealing(device, gpu, power, docker, properties.thresholds().llmService());
    }

    @Bean
    DatabaseMaintenance databaseMaintenance(DataSource dataSource,
            @Value("${arasul.retention.days:7}") int retentionDays) {
        return new DatabaseMaintenance(dataSource, retentionDays);
    }

    @Bean
    DiskCleanup diskCleanup(DockerHealing docker, DatabaseMaintenance database,
            @Value(ApplianceLogFile.CONFIGURED) String logFile,
            @Value("${logging.logback.rollingpolicy.max-history:10}") int keepRolled) {
        return new DiskCleanup(docker, database, Path.of(ApplianceLogFile.resolve(logFile)), keepRolled);
    }

    @Bean
    RebootProcedure rebootProcedure(DataSource dataSource, ApplianceActivity activity, HostReboot host,
            ContainerActions containers, JsonMapper json, HealingJournal journal, HealingEngineProperties engine,
            HealingProperties properties) {
        return new RebootProcedure(dataSource, activity, host, containers, json, journal, engine.rebootGrace(),
                properties.maxRebootsPerHour());
    }

    /** A reboot recorded as PENDING before the last stop happened: record how the box came back. */
    @EventListener(ApplicationReadyEvent.class)
    void validateLastReboot(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(RebootProcedure.class).validatePending();
    }
}
