package dev.microshop.launcher;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The launcher's command line: up, down, status, the operator's commands, and the supervisor itself (supervise). */
public final class Launcher {

    static final String SUPERVISE = "supervise";

    private static final String USAGE = """
            usage: launcher up [--topology NAME] [--kafka-brokers N] [--replicas NAME=N ...] [--timeout SECONDS]
                             [--processes FILE]
                   launcher down | status [--json] | missing-jars | refresh-config
                   launcher restart | stop | start | pause | resume NAME
                   launcher module-of NAME   (prints the module that builds its jar, and the jar)
                   launcher image-options DIR [NAME ...]   (writes the images' JVM options, prints their modules)
                   launcher admin list | grant EMAIL | revoke EMAIL
                   launcher dlt [list [TOPIC]] | replay REF [--again] | replay --all [TOPIC]
                   launcher supervise [the options of up]   (run by up)""";

    private final Home home;
    private final Map<String, String> environment;
    private final PrintStream out;

    Launcher(Home home, Map<String, String> environment, PrintStream out) {
        this.home = home;
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        System.exit(new Launcher(Home.from(environment), environment, System.out).run(args));
    }

    int run(String... args) {
        if (args.length == 0) {
            out.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "up" -> new UpCommand(home, environment, out).run(Options.parse(rest));
                case SUPERVISE -> supervise(Options.parse(rest));
                case "down" -> new DownCommand(home, out).run();
                case "restart", "stop", "start", "pause", "resume" ->
                    new InstanceCommands(home, out).run(args[0], rest);
                case "module-of" -> moduleOf(rest);
                case "image-options" -> new ImageOptions(home, out).run(rest);
                case "status" -> new StatusCommand(home, out).run(json(rest));
                case "missing-jars" -> missingJars(Options.parse(rest));
                case "refresh-config" -> operator().refreshConfig(Options.parse(rest));
                case "admin" -> operator().admin(rest);
                case "dlt" -> new DeadLetterCommand(environment, new StateFile(home.stateFile()).read(), out).run(rest);
                default -> {
                    out.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            out.println("microshop: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            out.println("microshop: " + e.getCause().getMessage());
            return 1;
        } catch (IllegalStateException e) {
            out.println("microshop: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private OperatorCommands operator() {
        return new OperatorCommands(home, environment, out);
    }

    /** Runs the system until SIGTERM, which stops it tier by tier (see Supervisor.stop). */
    private int supervise(Options options) throws InterruptedException {
        home.createDirectories();
        SupervisorPidFile pidFile = new SupervisorPidFile(home);
        if (pidFile.runningSupervisor().isPresent()) {
            out.println("microshop is already running");
            return 1;
        }
        ProcessTable table = ProcessTable.load(options.processes());
        List<Instance> instances = table.instances(home, table.replicas(options), environment);
        Secrets secrets = new Secrets(home);
        secrets.createMissing();
        pidFile.writeCurrentProcess();
        Hold.releaseAll(home);
        Supervisor supervisor = new Supervisor(
                home, table.supervision(), instances, environment, secrets, options.train(), new EventLog(out));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.stop();
            pidFile.delete();
        }));
        supervisor.start();
        new CountDownLatch(1).await();
        return 0;
    }

    private static boolean json(List<String> options) {
        if (!options.isEmpty() && !options.equals(List.of("--json"))) {
            throw new IllegalArgumentException("status takes no option but --json");
        }
        return !options.isEmpty();
    }

    /** Prints the Maven module that builds the jar of process NAME (the directory above its target/), and the jar. */
    private int moduleOf(List<String> arguments) {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("usage: module-of NAME");
        }
        String process = arguments.get(0).replaceFirst("-[0-9]$", "");
        Instance instance = ProcessTable.load(null).firstInstance(process, home, environment);
        if (instance.jar() == null
                || !instance.jar().getParent().getFileName().toString().equals("target")) {
            throw new IllegalArgumentException(process + " is not built by a module of this project");
        }
        out.println(home.root().relativize(instance.jar().getParent().getParent()) + " "
                + home.root().relativize(instance.jar()));
        return 0;
    }

    /** Lists the jars of the process table that are not built yet, one per line. */
    private int missingJars(Options options) {
        ProcessTable.load(options.processes()).instances(home, Map.of(), environment).stream()
                .filter(instance -> instance.jar() != null && !Files.isRegularFile(instance.jar()))
                .forEach(instance -> out.println(home.root().relativize(instance.jar())));
        return 0;
    }
}
