package vn.cdht.warehouse.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned migration of the warehouse: a file {@code V<version>__<description>.sql} of Spark SQL statements.
 *
 * @param script the file name, e.g. {@code V1__initial_tables.sql}
 */
public record MigrationScript(MigrationVersion version, String description, String script, String text) {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(\\w+)\\.sql");

    public static boolean isMigrationName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** @throws WarehouseMigrationException if the name is not {@code V<version>__<description>.sql} */
    public static MigrationScript of(String fileName, String text) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new WarehouseMigrationException("warehouse migration " + fileName + " is not named V<version>__<description>.sql"
                    + " (e.g. V2__accounts_email.sql): rename it");
        }
        return new MigrationScript(MigrationVersion.parse(m.group(1)), m.group(2).replace('_', ' '), fileName, text);
    }

    /** SHA-256 of the text with its line endings as {@code \n}, so that a checkout with CRLF has the same checksum. */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> statements() {
        return SqlStatements.split(text);
    }
}
