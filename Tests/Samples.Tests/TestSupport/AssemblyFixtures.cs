using Deploy.Samples.Tests.TestSupport;

// One PostgreSQL for the whole run: each test creates its own database on it, so classes never share state.
[assembly: AssemblyFixture(typeof(PostgresServer))]
