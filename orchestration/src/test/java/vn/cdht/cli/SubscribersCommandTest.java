package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdht subscribers add / list / remove on the embedded control database. */
class SubscribersCommandTest {

    @TempDir
    Path home;

    private CliRun cdht(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        return CliRun.of(Map.of(), all);
    }

    @Test
    void addListAndRemove() {
        CliRun empty = cdht("subscribers", "list");
        assertEquals(0, empty.exitCode(), empty.err());
        assertTrue(empty.out().startsWith("No subscribers yet: cdht subscribers add"), empty.out());

        CliRun add = cdht("subscribers", "add", "--email", "lanhdao@quangngai.gov.vn", "--name", "Nguyễn Văn An",
                "--role", "leader", "--scope", "51", "--kinds", "province,stats-table");
        assertEquals(0, add.exitCode(), add.err());
        assertEquals("Subscription 1 added: lanhdao@quangngai.gov.vn (Nguyễn Văn An), leader, scope 51: province, stats-table",
                add.out().strip());
        CliRun again = cdht("subscribers", "add", "--email", "lanhdao@quangngai.gov.vn", "--role", "leader",
                "--scope", "51", "--kinds", "province");
        assertEquals("Subscription 1 updated: lanhdao@quangngai.gov.vn (Nguyễn Văn An), leader, scope 51: province",
                again.out().strip());
        assertEquals(0, cdht("subscribers", "add", "--email", "quanly@truong.edu.vn", "--role", "unit-manager",
                "--scope", "DV001", "--kinds", "unit-list").exitCode());
        assertEquals(0, cdht("subscribers", "add", "--email", "phantich@quangngai.gov.vn", "--role", "analyst",
                "--scope", "*", "--kinds", "province", "--kinds", "commune").exitCode());

        CliRun list = cdht("subscribers", "list");
        assertEquals(0, list.exitCode(), list.err());
        String[] lines = list.out().split("\n");
        assertTrue(lines[0].matches("ID\\s+RECIPIENT\\s+NAME\\s+ROLE\\s+SCOPE\\s+KINDS\\s+SINCE \\(ICT\\)"), lines[0]);
        assertTrue(lines[1].matches("\\s*1\\s+lanhdao@quangngai.gov.vn\\s+Nguyễn Văn An\\s+leader\\s+51\\s+province\\s+\\d{4}-.*"), lines[1]);
        assertTrue(lines[2].matches("\\s*3\\s+phantich@quangngai.gov.vn\\s+analyst\\s+\\*\\s+province,commune\\s+.*"), lines[2]);
        assertTrue(lines[3].matches("\\s*2\\s+quanly@truong.edu.vn\\s+unit-manager\\s+DV001\\s+unit-list\\s+.*"), lines[3]);
        assertEquals("3 subscriptions.", lines[4].strip());

        CliRun byId = cdht("subscribers", "remove", "2");
        assertEquals(0, byId.exitCode(), byId.err());
        assertEquals("Subscription 2 removed: quanly@truong.edu.vn, unit-manager, scope DV001: unit-list", byId.out().strip());
        CliRun byRecipient = cdht("subscribers", "remove", "--email", "lanhdao@quangngai.gov.vn", "--scope", "51");
        assertEquals(0, byRecipient.exitCode(), byRecipient.err());
        assertTrue(byRecipient.out().startsWith("Subscription 1 removed: "), byRecipient.out());
        assertTrue(cdht("subscribers", "list").out().contains("1 subscription."));
    }

    @Test
    void aFixListOnlyForTheManagerOfItsUnit() {
        for (String role : new String[] {"leader", "department", "commune-office", "analyst"}) {
            CliRun refused = cdht("subscribers", "add", "--email", "so@quangngai.gov.vn", "--role", role, "--scope", "51",
                    "--kinds", "province,fix-list");
            assertEquals(1, refused.exitCode(), role);
            assertEquals("cdht subscribers add: error: only a unit-manager may receive fix-lists (they hold personal data):"
                    + " subscribe with --role unit-manager --scope UNIT_CODE, or leave fix-list out of --kinds (the"
                    + " department receives the fix-summary of its province)", last(refused.err()));
        }
        CliRun star = cdht("subscribers", "add", "--email", "quanly@truong.edu.vn", "--role", "unit-manager", "--scope", "*",
                "--kinds", "fix-list");
        assertEquals(1, star.exitCode());
        assertEquals("cdht subscribers add: error: a fix-list goes only to the manager of that unit: give the unit code"
                + " as --scope, not *", last(star.err()));
        assertTrue(cdht("subscribers", "list").out().startsWith("No subscribers yet"), "nothing was recorded");

        CliRun manager = cdht("subscribers", "add", "--email", "quanly@truong.edu.vn", "--role", "unit-manager",
                "--scope", "B51pzCjW", "--kinds", "unit-list,fix-list");
        assertEquals(0, manager.exitCode(), manager.err());
        assertEquals("Subscription 1 added: quanly@truong.edu.vn, unit-manager, scope B51pzCjW: unit-list, fix-list",
                manager.out().strip());
        CliRun department = cdht("subscribers", "add", "--email", "so@quangngai.gov.vn", "--role", "department",
                "--scope", "51", "--kinds", "province,fix-summary");
        assertEquals(0, department.exitCode(), department.err());
        assertEquals("Subscription 2 added: so@quangngai.gov.vn, department, scope 51: province, fix-summary",
                department.out().strip());
    }

    @Test
    void theHelpNamesTheFixKinds() {
        CliRun add = cdht("subscribers", "add", "--help");
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(add.out().contains("fix-list") && add.out().contains("fix-summary"), add.out());
        CliRun bulletin = cdht("bulletin", "--help");
        assertEquals(0, bulletin.exitCode(), bulletin.err());
        assertTrue(bulletin.out().contains("cdht bulletin --kind fix-list --scope B51pzCjW"), bulletin.out());
        assertTrue(bulletin.out().contains("cdht bulletin --kind fix-summary --scope 51"), bulletin.out());
    }

    private static String last(String err) {
        return err.strip().lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void mistakesAreOneLineThatSaysWhatToDo() {
        CliRun badRole = cdht("subscribers", "add", "--email", "a@b.vn", "--role", "boss", "--scope", "51", "--kinds", "province");
        assertEquals(1, badRole.exitCode());
        assertEquals("cdht subscribers add: error: unknown role 'boss': use one of leader|department|commune-office|unit-manager|analyst",
                last(badRole.err()));
        CliRun list = cdht("subscribers", "add", "--email", "a@b.vn", "--role", "leader", "--scope", "51", "--kinds", "unit-list");
        assertEquals(1, list.exitCode());
        assertTrue(last(list.err()).startsWith("cdht subscribers add: error: only a unit-manager may receive unit lists"), list.err());
        CliRun email = cdht("subscribers", "add", "--email", "not-an-address", "--role", "leader", "--scope", "51", "--kinds", "province");
        assertEquals(1, email.exitCode());
        assertTrue(email.err().contains("'not-an-address' is not a valid e-mail address"), email.err());
        CliRun missing = cdht("subscribers", "remove", "9");
        assertEquals(1, missing.exitCode());
        assertEquals("cdht subscribers remove: error: no subscription 9 (cdht subscribers list shows them)", last(missing.err()));
        assertEquals(2, cdht("subscribers", "remove").exitCode(), "neither an id nor --email and --scope");
        assertEquals(2, cdht("subscribers", "remove", "--email", "a@b.vn").exitCode());
        assertEquals(2, cdht("subscribers", "add", "--email", "a@b.vn").exitCode());
    }
}
