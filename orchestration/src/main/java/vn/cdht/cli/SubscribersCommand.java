package vn.cdht.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.cdht.reports.delivery.Subscription;
import vn.cdht.reports.delivery.Subscriptions;

@Command(name = "subscribers", mixinStandardHelpOptions = true,
        description = {"Who receives the rendered reports by e-mail ('cdht deliver' sends them).",
                "A subscription is a recipient, a role, a scope (a province, commune or unit code, or * for every",
                "scope) and the kinds of report to send. A unit list or a fix-list holds personal data: it goes",
                "only to a unit-manager subscribed with exactly that unit's code, never through *. The department",
                "receives the fix-summary of its province (rows to fix per unit and reason)."},
        subcommands = {SubscribersCommand.Add.class, SubscribersCommand.ListAll.class, SubscribersCommand.Remove.class},
        footer = {"", "Examples:",
                "  cdht subscribers add --email lanhdao@quangngai.gov.vn --name \"Nguyễn Văn An\" --role leader --scope 51 --kinds province,stats-table",
                "  cdht subscribers add --email quanly@thcs-tinhkhe.edu.vn --role unit-manager --scope DV000123 --kinds unit-list,unit-report,fix-list",
                "  cdht subscribers add --email phongkh@sogd.quangngai.gov.vn --role department --scope 51 --kinds province,fix-summary",
                "  cdht subscribers list",
                "  cdht subscribers remove 3"})
final class SubscribersCommand extends CommandGroup {

    private static String describe(Subscription s) {
        return s.recipient() + (s.recipientName() == null ? "" : " (" + s.recipientName() + ")") + ", " + s.role().code()
                + ", scope " + s.scope() + ": " + s.kindCodes().replace(",", ", ");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Subscribe a recipient to kinds of report for a scope.",
                    "Adding the same recipient, role and scope again replaces the kinds, so a list of these",
                    "commands can be run again safely."},
            footer = {"", "Roles: leader, department, commune-office, unit-manager, analyst.",
                    "Kinds: province, commune, stats-table, unit-report, unit-list (unit-manager only), fix-list",
                    "(unit-manager only: the unit's rows to correct in the software), fix-summary (a province's rows",
                    "to fix per unit and reason, for the department).",
                    "", "Examples:",
                    "  cdht subscribers add --email lanhdao@quangngai.gov.vn --role leader --scope 51 --kinds province",
                    "  cdht subscribers add --email phantich@quangngai.gov.vn --role analyst --scope '*' --kinds province,commune,stats-table",
                    "  cdht subscribers add --email vanphong@tinhkhe.gov.vn --role commune-office --scope 21211 --kinds commune",
                    "  cdht subscribers add --email quanly@thcs-tinhkhe.edu.vn --role unit-manager --scope B51pzCjW --kinds unit-list,fix-list",
                    "  cdht subscribers add --email phongkh@sogd.quangngai.gov.vn --role department --scope 51 --kinds fix-summary"})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Option(names = "--email", required = true, paramLabel = "E", description = "The recipient's e-mail address.")
        String email;

        @Option(names = "--name", paramLabel = "N", description = "The name to greet in messages.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "R",
                description = "leader | department | commune-office | unit-manager | analyst.")
        String role;

        @Option(names = "--scope", required = true, paramLabel = "S",
                description = "A province code (51), commune code (21211), unit code, or * for every scope (quote it in a shell).")
        String scope;

        @Option(names = "--kinds", required = true, split = ",", paramLabel = "KIND",
                description = "The kinds of report to send: province, commune, stats-table, unit-report, unit-list,"
                        + " fix-list, fix-summary.")
        List<String> kinds;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                Subscriptions.Added added = new Subscriptions(ctx.control()).add(email, name, role, scope, kinds);
                Subscription s = added.subscription();
                ctx.out().println((added.created() ? "Subscription " + s.id() + " added: " : "Subscription " + s.id()
                        + " updated: ") + describe(s));
                ctx.out().flush();
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the subscriptions: id, recipient, name, role, scope, kinds, since when.",
            footer = {"", "Example:", "  cdht subscribers list"})
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                List<Subscription> all = new Subscriptions(ctx.control()).list();
                if (all.isEmpty()) {
                    ctx.out().println("No subscribers yet: cdht subscribers add --email E --role R --scope S --kinds K,K");
                    ctx.out().flush();
                    return 0;
                }
                TextTable t = new TextTable("ID", "RECIPIENT", "NAME", "ROLE", "SCOPE", "KINDS", "SINCE (ICT)");
                for (Subscription s : all) {
                    t.row(s.id(), s.recipient(), s.recipientName(), s.role().code(), s.scope(), s.kindCodes(),
                            DbCommand.LOCAL_TIME.format(s.createdAt()));
                }
                t.print(ctx.out());
                ctx.out().println(all.size() + " subscription" + (all.size() == 1 ? "." : "s."));
                ctx.out().flush();
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a subscription by its id, or a recipient's subscriptions for a scope.",
                    "'cdht subscribers list' shows the ids. Messages already sent stay in the delivery ledger."},
            footer = {"", "Examples:",
                    "  cdht subscribers remove 3",
                    "  cdht subscribers remove --email lanhdao@quangngai.gov.vn --scope 51"})
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "ID", description = "The subscription's id.")
        Long id;

        @Option(names = "--email", paramLabel = "E", description = "The recipient (with --scope).")
        String email;

        @Option(names = "--scope", paramLabel = "S", description = "The scope (with --email).")
        String scope;

        @Override
        public Integer call() {
            boolean byRecipient = email != null || scope != null;
            if ((id == null) == (!byRecipient) || (byRecipient && (email == null || scope == null))) {
                throw new ParameterException(spec.commandLine(),
                        "give either the subscription's ID, or both --email and --scope");
            }
            try (CdhtContext ctx = parent.root.context()) {
                Subscriptions subscriptions = new Subscriptions(ctx.control());
                List<Subscription> removed = id != null ? List.of(subscriptions.remove(id)) : subscriptions.remove(email, scope);
                for (Subscription s : removed) {
                    ctx.out().println("Subscription " + s.id() + " removed: " + describe(s));
                }
                ctx.out().flush();
                return 0;
            }
        }
    }
}
