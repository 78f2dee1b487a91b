namespace LinkedIn.Simulator.Tests;

/// <summary>A test class with a fresh simulator per test (<see cref="Sim"/>) and, when asked, a push receiver (<see cref="Receiver"/>).</summary>
public abstract class SimHostTest(bool withPushReceiver = false) : IAsyncLifetime
{
    protected SimHost Sim { get; private set; } = null!;

    protected PushReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sim = await SimHost.StartAsync();
        if (withPushReceiver)
        {
            Receiver = await PushReceiver.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (withPushReceiver)
        {
            await Receiver.DisposeAsync();
        }
        await Sim.DisposeAsync();
    }
}
