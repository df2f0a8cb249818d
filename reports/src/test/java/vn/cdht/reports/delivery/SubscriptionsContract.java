package vn.cdht.reports.delivery;

import vn.cdht.reports.ReportKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cdht.warehouse.control.ControlDatabase;

/** The subscribers on every dialect of the control database. */
abstract class SubscriptionsContract {

    private static final Instant T0 = Instant.parse("2026-11-05T01:00:00Z");

    abstract ControlDatabase database();

    private Subscriptions subscriptions;

    @BeforeEach
    void open() {
        subscriptions = new Subscriptions(database(), new MutableClock(T0));
    }

    @Test
    void addsListsAndRemoves() {
        Subscriptions.Added leader = subscriptions.add(" LanhDao@QuangNgai.gov.vn ", "Nguyễn Văn An", "leader", "51",
                List.of("province,stats-table"));
        assertTrue(leader.created());
        Subscription s = leader.subscription();
        assertEquals("lanhdao@quangngai.gov.vn", s.recipient());
        assertEquals("Nguyễn Văn An", s.recipientName());
        assertEquals(Role.LEADER, s.role());
        assertEquals("51", s.scope());
        assertEquals(Set.of(ReportKind.PROVINCE, ReportKind.STATS_TABLE), s.kinds());
        assertEquals("province,stats-table", s.kindCodes());
        assertEquals(T0, s.createdAt());

        Subscription manager = subscriptions.add("Chủ nhiệm <cn@truong.edu.vn>", null, "unit-manager", "DV001",
                List.of("unit-list", "unit-report")).subscription();
        assertEquals("cn@truong.edu.vn", manager.recipient());
        assertEquals("Chủ nhiệm", manager.recipientName(), "the name in the address when none is given");
        subscriptions.add("lanhdao@quangngai.gov.vn", null, "analyst", "*", List.of("commune"));

        List<Subscription> all = subscriptions.list();
        assertEquals(List.of("cn@truong.edu.vn DV001", "lanhdao@quangngai.gov.vn *", "lanhdao@quangngai.gov.vn 51"),
                all.stream().map(x -> x.recipient() + " " + x.scope()).toList());

        assertEquals(manager, subscriptions.remove(manager.id()));
        List<Subscription> removed = subscriptions.remove("LANHDAO@quangngai.gov.vn", "51");
        assertEquals(List.of(s.id()), removed.stream().map(Subscription::id).toList());
        assertEquals(1, subscriptions.list().size());
        assertEquals("no subscription " + manager.id() + " (cdht subscribers list shows them)",
                assertThrows(IllegalArgumentException.class, () -> subscriptions.remove(manager.id())).getMessage());
        assertEquals("no subscription of lanhdao@quangngai.gov.vn for scope 51 (cdht subscribers list shows them)",
                assertThrows(IllegalArgumentException.class,
                        () -> subscriptions.remove("lanhdao@quangngai.gov.vn", "51")).getMessage());
    }

    @Test
    void addingTheSameSubscriptionAgainUpdatesItsKinds() {
        Subscription first = subscriptions.add("a@quangngai.gov.vn", "An", "department", "51", List.of("province")).subscription();
        Subscriptions.Added again = subscriptions.add("a@quangngai.gov.vn", null, "department", "51",
                List.of("commune", "stats-table"));
        assertFalse(again.created());
        assertEquals(first.id(), again.subscription().id());
        assertEquals(Set.of(ReportKind.COMMUNE, ReportKind.STATS_TABLE), again.subscription().kinds());
        assertEquals("An", again.subscription().recipientName(), "a name is kept when none is given");
        assertEquals(1, subscriptions.list().size());
        assertTrue(subscriptions.add("a@quangngai.gov.vn", null, "leader", "51", List.of("province")).created(),
                "another role is another subscription");
    }

    @Test
    void badValuesSayWhatToDo() {
        assertEquals("'lanhdao@' is not a valid e-mail address (Missing domain): give it as name@domain,"
                        + " e.g. lanhdao@quangngai.gov.vn",
                error(() -> subscriptions.add("lanhdao@", null, "leader", "51", List.of("province"))));
        assertTrue(error(() -> subscriptions.add("lanh dao@x.vn", null, "leader", "51", List.of("province")))
                .startsWith("'lanh dao@x.vn' is not a valid e-mail address"));
        assertTrue(error(() -> subscriptions.add("lanhdao", null, "leader", "51", List.of("province")))
                .startsWith("'lanhdao' is not a valid e-mail address"));
        assertEquals("unknown role 'boss': use one of leader|department|commune-office|unit-manager|analyst",
                error(() -> subscriptions.add("a@b.vn", null, "boss", "51", List.of("province"))));
        assertEquals("unknown report kind 'weekly': use province|commune|stats-table|unit-report|unit-list|fix-list|fix-summary",
                error(() -> subscriptions.add("a@b.vn", null, "leader", "51", List.of("province,weekly"))));
        assertTrue(error(() -> subscriptions.add("a@b.vn", null, "leader", "51", List.of(" , ")))
                .startsWith("give at least one report kind with --kinds"));
        assertTrue(error(() -> subscriptions.add("a@b.vn", null, "leader", "51 52", List.of("province")))
                .startsWith("scope '51 52' must be a province, commune or unit code"));
        assertEquals("only a unit-manager may receive unit lists (they hold personal data): subscribe with"
                        + " --role unit-manager --scope UNIT_CODE, or leave unit-list out of --kinds",
                error(() -> subscriptions.add("a@b.vn", null, "leader", "51", List.of("province,unit-list"))));
        assertEquals("a unit list goes only to the manager of that unit: give the unit code as --scope, not *",
                error(() -> subscriptions.add("a@b.vn", null, "unit-manager", "*", List.of("unit-list"))));
        assertTrue(subscriptions.list().isEmpty());
    }

    @Test
    void aFixListOnlyForTheManagerOfItsUnitAndTheSummaryForTheDepartment() {
        for (String role : List.of("leader", "department", "commune-office", "analyst")) {
            assertEquals("only a unit-manager may receive fix-lists (they hold personal data): subscribe with"
                            + " --role unit-manager --scope UNIT_CODE, or leave fix-list out of --kinds (the department"
                            + " receives the fix-summary of its province)",
                    error(() -> subscriptions.add("a@b.vn", null, role, "51", List.of("fix-list"))), role);
        }
        assertEquals("a fix-list goes only to the manager of that unit: give the unit code as --scope, not *",
                error(() -> subscriptions.add("a@b.vn", null, "unit-manager", "*", List.of("fix-list"))));
        assertTrue(subscriptions.list().isEmpty());
        Subscription manager = subscriptions.add("quanly@truong.edu.vn", null, "unit-manager", "B51pzCjW",
                List.of("unit-list,fix-list")).subscription();
        assertEquals(Set.of(ReportKind.UNIT_LIST, ReportKind.FIX_LIST), manager.kinds());
        assertEquals("unit-list,fix-list", manager.kindCodes());
        Subscription department = subscriptions.add("so@quangngai.gov.vn", null, "department", "51",
                List.of("province", "fix-summary")).subscription();
        assertEquals(Set.of(ReportKind.PROVINCE, ReportKind.FIX_SUMMARY), department.kinds());
        assertEquals(2, subscriptions.list().size());
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
