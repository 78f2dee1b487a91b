// One Chromium and one in-process Attract (often with the LinkedIn simulator) at a time: CI has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
