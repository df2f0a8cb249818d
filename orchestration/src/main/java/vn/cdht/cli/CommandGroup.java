package vn.cdht.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code cdht db}, {@code cdht warehouse}, ...): alone, it prints its usage. */
abstract class CommandGroup implements Runnable {

    @ParentCommand
    Cdht root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
