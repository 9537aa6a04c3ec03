package org.backrelief.bench.infra;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Plain one-line console logging. Quarkus's bootstrap (on the class path through commons) installs a delayed handler
 * that would hold every record until a Quarkus app configures logging, which never happens here.
 */
public final class Logging {

    private Logging() {
    }

    public static void toConsole(Level level) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(level);
    }
}
