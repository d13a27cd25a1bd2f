/** How a long analysis (a grid, a goal seek, Monte Carlo paths) reports how far it has got. */
export type Progress = (done: number, total: number) => void;
