package vn.cdht.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Cdht.class.getPackage().getImplementationVersion();
        return new String[] {"cdht " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version") + ", Spark 4.1, Iceberg 1.12"};
    }
}
