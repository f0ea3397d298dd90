using Latent.Golden.Random;

namespace Latent.Golden.Cases;

/// <summary>Random latent shapes of rank 0 to 4 with small dimensions.</summary>
internal static class RandomShapes
{
    // Rank 1 and 2 are the common latent shapes; scalars and ranks 3–4 still appear often enough to be tested.
    private static readonly int[] Ranks = [0, 1, 1, 1, 2, 2, 3, 4];

    /// <summary>A shape of at most <paramref name="maxSize"/> elements and at least <paramref name="minSize"/>.</summary>
    public static int[] Next(Xoshiro256StarStar random, int minSize, int maxSize)
    {
        while (true)
        {
            int rank = random.Pick(Ranks);
            var shape = new int[rank];
            int size = 1;
            for (int k = 0; k < rank; k++)
            {
                shape[k] = random.NextInt(1, 4);
                size *= shape[k];
            }

            if (size >= minSize && size <= maxSize)
            {
                return shape;
            }
        }
    }
}
