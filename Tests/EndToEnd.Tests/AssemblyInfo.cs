// The end-to-end tests start real servers and whole applications: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
