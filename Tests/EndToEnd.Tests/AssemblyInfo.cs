// Each test starts a whole application (PostgreSQL, Redis, six services); two at once on a small CI machine only
// make both slower and their timeouts flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
