package com.arasul.updates.internal.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.file.RecursiveDirectoryScanner;
import org.springframework.integration.file.dsl.Files;
import org.springframework.integration.file.filters.ChainFileListFilter;
import org.springframework.integration.file.filters.LastModifiedFileListFilter;
import org.springframework.integration.file.inbound.FileReadingMessageSource.WatchEventType;
import org.springframework.scheduling.TaskScheduler;

/**
 * One pair of file inbound adapters per USB mount root that exists: a watcher that sees a stick's
 * packages as soon as they settle, and a rescan every poll interval as its backstop (a stick mounted
 * later, a missed event). A root that appears later (desktops create {@code /run/media/<user>} on
 * the first stick) is picked up by the same periodic check.
 */
final class UsbRoots implements SmartLifecycle {

    static final String FILES_CHANNEL = "usbPackageFiles";
    private static final Logger log = LoggerFactory.getLogger(UsbRoots.class);

    private final List<Path> roots;
    private final UpdateProperties properties;
    private final IntegrationFlowContext flows;
    private final ContentAcceptOnceFilter seen;
    private final TaskScheduler scheduler;
    private final Map<Path, List<String>> registered = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> check;

    UsbRoots(UpdateProperties properties, IntegrationFlowContext flows, ContentAcceptOnceFilter seen, TaskScheduler scheduler) {
        this.roots = properties.usbRoots().stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        this.properties = properties;
        this.flows = flows;
        this.seen = seen;
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        check = scheduler.scheduleWithFixedDelay(this::watchNewRoots, properties.usbPollInterval());
    }

    void watchNewRoots() {
        seen.forgetRemoved();
        for (Path root : roots) {
            if (!registered.containsKey(root) && java.nio.file.Files.isDirectory(root)) {
                registered.put(root, List.of(register(root, true), register(root, false)));
                log.info("watching {} for update packages on USB sticks", root);
            }
        }
    }

    private String register(Path root, boolean watch) {
        StickLayout layout = new StickLayout(root);
        var adapter = Files.inboundAdapter(root.toFile()).autoCreateDirectory(false);
        if (watch) {
            adapter.useWatchService(true).watchEvents(WatchEventType.CREATE, WatchEventType.MODIFY)
                    .watchMaxDepth(4).watchDirPredicate(layout::mayHoldPackages).filter(filters(layout));
        } else {
            RecursiveDirectoryScanner scanner = new RecursiveDirectoryScanner();
            scanner.setMaxDepth(4);
            scanner.setFilter(filters(layout));
            adapter.scanner(scanner);
        }
        IntegrationFlow flow = IntegrationFlow.from(adapter, e -> e.poller(Pollers
                        .fixedDelay(watch ? properties.usbPollInterval().dividedBy(4) : properties.usbPollInterval())
                        .maxMessagesPerPoll(20).errorChannel(UpdateFlows.USB_ERRORS)))
                .channel(FILES_CHANNEL)
                .get();
        return flows.registration(flow).id("usb" + (watch ? "Watch" : "Rescan") + "[" + root + "]").register().getId();
    }

    /** Packages of the layout, on a stick that settled, holding back files still copied, each content once. */
    private ChainFileListFilter<java.io.File> filters(StickLayout layout) {
        LastModifiedFileListFilter stillCopied = new LastModifiedFileListFilter();
        stillCopied.setAge(properties.usbSettleAge());
        ChainFileListFilter<java.io.File> chain = new ChainFileListFilter<>();
        chain.addFilter(new StickSettledFilter(layout, properties.usbSettleAge(), Clock.systemUTC()));
        chain.addFilter(stillCopied);
        chain.addFilter(seen);
        return chain;
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = check;
        if (running != null) {
            running.cancel(false);
        }
        registered.values().forEach(ids -> ids.forEach(flows::remove));
        registered.clear();
    }

    @Override
    public boolean isRunning() {
        return check != null && !check.isCancelled();
    }
}
