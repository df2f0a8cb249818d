package vn.cdht.warehouse.control;

/** The state of a run or a stage, as stored in the control database. */
public enum RunStatus {
    RUNNING("running"), SUCCEEDED("succeeded"), FAILED("failed"), SKIPPED("skipped");

    private final String code;

    RunStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
