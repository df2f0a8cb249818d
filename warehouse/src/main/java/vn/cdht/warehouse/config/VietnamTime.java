package vn.cdht.warehouse.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Vietnam time (ICT, UTC+7), the time every message and table shows to a reader. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZONE);

    private VietnamTime() {
    }

    /** dd/MM/yyyy HH:mm:ss in Vietnam time; an empty text for null. */
    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
