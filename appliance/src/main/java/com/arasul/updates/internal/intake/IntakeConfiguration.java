package com.arasul.updates.internal.intake;

import com.arasul.containers.ContainerActions;
import com.arasul.platform.ApplianceActivity;
import com.arasul.platform.DataDirectory;
import com.arasul.rules.RuleCompiler;
import com.arasul.storage.ObjectStorage;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.UpdateChannels;
import com.arasul.updates.UpdateJournal;
import com.arasul.updates.format.VerificationLimits;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The parts of the update intake the flows in {@link UpdateFlows} are made of. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    IntakeFolders intakeFolders(UpdateProperties properties, DataDirectory data) {
        return IntakeFolders.of(properties, data.root());
    }

    /**
     * Where the servlet container buffers an upload while it arrives: beside the incoming folder in
     * the data folder, never the JVM's temporary folder (a RAM disk on a Jetson, which a package of
     * gigabytes would fill). Every other multipart setting stays as {@code spring.servlet.multipart} says.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, IntakeFolders folders) {
        Path buffer = folders.incoming().resolveSibling(".multipart");
        try {
            Files.createDirectories(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + buffer, e);
        }
        MultipartConfigElement configured = multipart.createMultipartConfig();
        return new MultipartConfigElement(buffer.toString(), configured.getMaxFileSize(), configured.getMaxRequestSize(),
                configured.getFileSizeThreshold());
    }

    @Bean
    FreeDisk freeDisk() {
        return FreeDisk.fileSystem();
    }

    @Bean
    UpdateValidator updateValidator(IntakeFolders folders, InstalledVersion installed, ContainerActions containers,
            ApplianceActivity activity, UpdateProperties properties) {
        Clock clock = Clock.systemDefaultZone();
        return new UpdateValidator(new UpdateRules(folders.rulesDir(), new RuleCompiler(clock)), installed, containers,
                activity, properties, clock);
    }

    @Bean
    PackageChecks packageChecks(JdbcTemplate jdbc, UpdateJournal journal, UpdateValidator validator,
            IntakeFolders folders, UpdateProperties properties, FreeDisk freeDisk) {
        PackageChecks checks = new PackageChecks(new PackageStore(jdbc), journal, validator, folders,
                new VerificationLimits(properties.maxFiles(), properties.maxPackageSize().toBytes()), freeDisk);
        checks.abandonUnfinished(); // before either door opens
        return checks;
    }

    @Bean
    PackageAcceptance packageAcceptance(UpdateJournal journal,
            @Qualifier(UpdateChannels.APPLY_QUEUE) MessageChannel applyQueue, PlatformTransactionManager transactions,
            ObjectStorage storage, IntakeFolders folders) {
        return new PackageAcceptance(journal, applyQueue, new TransactionTemplate(transactions),
                new AcceptedPackages(storage, folders.staging(), Clock.systemUTC()));
    }

    @Bean
    FileHashes usbFileHashes() {
        return new FileHashes();
    }

    @Bean
    UsbIntake usbIntake(FileHashes hashes, PackageChecks checks, PackageAcceptance acceptance) {
        return new UsbIntake(hashes, checks, acceptance);
    }

    @Bean
    UsbIntakeThread usbIntakeThread() {
        return new UsbIntakeThread();
    }

    /** Which package contents the USB door has seen, by SHA-256, across restarts. */
    @Bean
    JdbcMetadataStore usbSeenPackages(DataSource dataSource) {
        JdbcMetadataStore store = new JdbcMetadataStore(dataSource);
        store.setRegion("usb-updates");
        return store;
    }

    @Bean
    UsbRoots usbRoots(UpdateProperties properties, IntegrationFlowContext flows, JdbcMetadataStore usbSeenPackages,
            FileHashes hashes, JdbcTemplate jdbc, TaskScheduler taskScheduler) {
        return new UsbRoots(properties, flows, new ContentAcceptOnceFilter(usbSeenPackages, hashes, new PackageStore(jdbc)),
                taskScheduler);
    }

    @Bean
    UpdateHistory updateHistory(JdbcTemplate jdbc) {
        return new UpdateHistory(jdbc);
    }

    @Bean
    UpdateEventStreams updateEventStreams(UpdateProperties properties) {
        return new UpdateEventStreams(properties.maxEventStreams(), properties.eventStreamTimeout());
    }
}
