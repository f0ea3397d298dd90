using System;
using Latent.Cli;

return LatentApp.Run(args, Console.Out, Console.Error);
