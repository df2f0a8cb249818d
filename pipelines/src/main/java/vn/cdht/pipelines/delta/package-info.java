/**
 * Maintaining citizen-level results by delta: what a batch changed ({@code core.changes}), the accounts whose rows may
 * differ ({@link vn.cdht.pipelines.delta.AccountScope}), and the tables kept up to date from those accounts only:
 * {@code core.yearly_assessments} ({@link vn.cdht.pipelines.delta.YearlyAssessments}) and the sums of
 * {@code sql/agg/} ({@link vn.cdht.pipelines.delta.AggregateMaintenance}). Every rule stays in the SQL models; the
 * classes here only evaluate a model over fewer rows, or over an older snapshot, and combine the results.
 */
package vn.cdht.pipelines.delta;
