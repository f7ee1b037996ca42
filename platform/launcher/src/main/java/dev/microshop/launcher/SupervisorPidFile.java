package dev.microshop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/** The supervisor's pid file, and the check that the pid in it is still this home's supervisor. */
final class SupervisorPidFile {

    private final Home home;

    SupervisorPidFile(Home home) {
        this.home = home;
    }

    /** The argument that marks a supervisor's command line as this home's. */
    static String marker(Home home) {
        return "-Dmicroshop.home=" + home.root();
    }

    Optional<ProcessHandle> runningSupervisor() {
        try {
            long pid = Long.parseLong(Files.readString(home.supervisorPidFile()).trim());
            return ProcessTree.isAliveWith(pid, marker(home), Launcher.SUPERVISE)
                    ? ProcessHandle.of(pid)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void writeCurrentProcess() {
        try {
            Files.writeString(home.supervisorPidFile(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(home.supervisorPidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
