package app.nobat.planning.simulation;

/**
 * The control-variate estimate of a mean: {@code y} observed over independent batches beside
 * controls {@code x} whose true mean is 0, the estimate is ȳ − βᵀx̄ with β fitted by least squares
 * (y on x, with an intercept). Its variance is that of the fit's residuals over the batches: the part
 * of y's spread the controls explain is gone.
 */
final class Controlled {

    private Controlled() {}

    /** @return {estimate, standard error}; the plain mean and its error when there are too few batches */
    static double[] mean(double[] y, double[][] x) {
        int k = y.length;
        int q = x.length == 0 ? 0 : x[0].length;
        if (k < 2) {
            return new double[] {k == 0 ? Double.NaN : y[0], Double.POSITIVE_INFINITY};
        }
        double yMean = 0;
        double[] xMean = new double[q];
        for (int i = 0; i < k; i++) {
            yMean += y[i] / k;
            for (int j = 0; j < q; j++) {
                xMean[j] += x[i][j] / k;
            }
        }
        if (k <= q + 2) {
            double spread = 0;
            for (double v : y) {
                spread += (v - yMean) * (v - yMean);
            }
            return new double[] {yMean, Math.sqrt(spread / (k - 1.0) / k)};
        }
        // normal equations of the centred regression: Sxx β = Sxy
        double[][] sxx = new double[q][q + 1];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < q; a++) {
                double da = x[i][a] - xMean[a];
                for (int b = 0; b < q; b++) {
                    sxx[a][b] += da * (x[i][b] - xMean[b]);
                }
                sxx[a][q] += da * (y[i] - yMean);
            }
        }
        double[] beta = solve(sxx);
        double estimate = yMean;
        for (int j = 0; j < q; j++) {
            estimate -= beta[j] * xMean[j];
        }
        double residuals = 0;
        for (int i = 0; i < k; i++) {
            double fitted = yMean;
            for (int j = 0; j < q; j++) {
                fitted += beta[j] * (x[i][j] - xMean[j]);
            }
            residuals += (y[i] - fitted) * (y[i] - fitted);
        }
        return new double[] {estimate, Math.sqrt(residuals / (k - q - 1.0) / k)};
    }

    /** Gauss–Jordan elimination with partial pivoting of an augmented q × (q + 1) system. */
    private static double[] solve(double[][] m) {
        int q = m.length;
        for (int col = 0; col < q; col++) {
            int pivot = col;
            for (int row = col + 1; row < q; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            if (m[col][col] == 0) {
                continue; // a control that never varied: it explains nothing, its β stays 0
            }
            for (int row = 0; row < q; row++) {
                if (row != col) {
                    double factor = m[row][col] / m[col][col];
                    for (int j = col; j <= q; j++) {
                        m[row][j] -= factor * m[col][j];
                    }
                }
            }
        }
        double[] beta = new double[q];
        for (int j = 0; j < q; j++) {
            beta[j] = m[j][j] == 0 ? 0 : m[j][q] / m[j][j];
        }
        return beta;
    }
}
