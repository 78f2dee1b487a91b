using LinkedIn.Simulator;

var app = SimulatorApp.Build(SimulatorOptions.FromConfiguration(args));
app.Run();

internal partial class Program;
