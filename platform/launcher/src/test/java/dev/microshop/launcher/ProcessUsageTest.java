package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a process costs, read from /proc. */
class ProcessUsageTest {

    @TempDir
    Path directory;

    @Test
    void this_jvm_has_resident_memory_its_share_of_it_and_cpu_time() {
        ProcessUsage usage = ProcessUsage.of(ProcessHandle.current().pid(), new Home(directory), "test");

        // A JVM running tests holds tens of MB and has used CPU to get here; its share of what it shares is less.
        assertThat(usage.rssMb()).isGreaterThan(20);
        assertThat(usage.pssKb()).isPositive().isLessThanOrEqualTo(usage.rssKb());
        assertThat(usage.cpuSeconds()).isPositive();
    }

    @Test
    void a_process_that_is_gone_costs_nothing() {
        assertThat(ProcessUsage.of(Long.MAX_VALUE, new Home(directory), "test")).isEqualTo(ProcessUsage.NONE);
    }
}
