package vn.cdht.reports.delivery;

/** Where one message goes: an address, lower case, and the name to greet, or null. */
public record Recipient(String address, String name) {
}
