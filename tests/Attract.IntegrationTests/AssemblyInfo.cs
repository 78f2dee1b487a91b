// Each test hosts Attract (and often the LinkedIn simulator with its background jobs) in-process. Running the classes
// one at a time keeps hosts from competing for the two CPU cores CI has, which made timing-sensitive waits flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
