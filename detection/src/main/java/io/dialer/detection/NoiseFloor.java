/*
 * Answering-machine detection.
 */
package io.dialer.detection;

import java.util.Arrays;

/**
 * Adaptive noise floor by minimum statistics: the lowest frame energy over the last two seconds, kept as the minima
 * of ten blocks of ten frames so each update is O(1) amortised. Speech has quiet frames between words, so the
 * minimum follows the line's noise whether it is digital silence or a hissing analogue line, and it rises within
 * two seconds when the noise gets louder.
 */
final class NoiseFloor
{
    private static final int BLOCK_FRAMES = 10;
    private static final int BLOCKS = 10;
    private static final double BIAS_DB = 1.5;

    private final double[] blockMin = new double[BLOCKS];
    private int block;
    private int framesInBlock;
    private double currentMin;
    private double floorDb;

    NoiseFloor()
    {
        reset();
    }

    void reset()
    {
        Arrays.fill(blockMin, Double.MAX_VALUE);
        block = 0;
        framesInBlock = 0;
        currentMin = Double.MAX_VALUE;
        floorDb = 0;
    }

    /**
     * Add one frame's energy.
     *
     * @param energyDb the frame's energy.
     */
    void update(final double energyDb)
    {
        if (energyDb < currentMin)
        {
            currentMin = energyDb;
        }
        if (++framesInBlock == BLOCK_FRAMES)
        {
            blockMin[block] = currentMin;
            block = (block + 1) % BLOCKS;
            framesInBlock = 0;
            currentMin = Double.MAX_VALUE;
        }
        double min = currentMin;
        for (int i = 0; i < BLOCKS; i++)
        {
            min = Math.min(min, blockMin[i]);
        }
        floorDb = min + BIAS_DB;
    }

    double floorDb()
    {
        return floorDb;
    }
}
