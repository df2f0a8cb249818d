package vn.cdht.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job on the embedded installation (nothing to install).",
                "Under the home folder: migrate the control database, load the reference geography and rules,",
                "and print the status.",
                "Safe to run again: the same tables, the same counts."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Cdht root;

    @Override
    public Integer call() {
        try (CdhtContext ctx = root.context()) {
            var out = ctx.out();
            out.println("== 1/3 Control database");
            out.println("Schema version " + ctx.control().version().orElse("none") + " at " + ctx.control().settings().displayUrl());
            out.println();
            out.println("== 2/3 Reference data");
            ReferenceCommand.loadAndReport(ctx);
            out.println();
            out.println("== 3/3 Status");
            StatusCommand.print(ctx);
            return 0;
        }
    }
}
