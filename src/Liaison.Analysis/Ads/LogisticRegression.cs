namespace Liaison.Analysis.Ads;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
/// squares) on standardised features. Small, deterministic and inspectable: one weight per feature.
/// </summary>
public sealed record LogisticRegression(double[] Weights, double Intercept, double[] Means, double[] Scales)
{
    public static LogisticRegression Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, double l2 = 1.0, int maxIterations = 50)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Count == 0 || features.Count != labels.Count)
        {
            throw new ArgumentException("Training needs one label per feature vector, and at least one example.", nameof(labels));
        }
        var n = features.Count;
        var d = features[0].Length;
        var means = new double[d];
        var scales = new double[d];
        for (var j = 0; j < d; j++)
        {
            means[j] = features.Average(f => f[j]);
            var variance = features.Average(f => (f[j] - means[j]) * (f[j] - means[j]));
            scales[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }
        var x = features.Select(f => Standardise(f, means, scales)).ToArray();
        var beta = new double[d + 1]; // beta[d] is the intercept
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1, d + 1];
            for (var i = 0; i < n; i++)
            {
                var p = Sigmoid(Dot(beta, x[i]));
                var residual = p - (labels[i] ? 1 : 0);
                var w = Math.Max(p * (1 - p), 1e-12);
                for (var a = 0; a <= d; a++)
                {
                    var xa = a < d ? x[i][a] : 1;
                    gradient[a] += residual * xa;
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[a, b] += w * xa * (b < d ? x[i][b] : 1);
                    }
                }
            }
            for (var a = 0; a < d; a++)
            {
                gradient[a] += l2 * beta[a];
                hessian[a, a] += l2;
            }
            for (var a = 0; a <= d; a++)
            {
                for (var b = a + 1; b <= d; b++)
                {
                    hessian[a, b] = hessian[b, a];
                }
            }
            var step = Cholesky.Solve(hessian, gradient);
            var change = 0.0;
            for (var a = 0; a <= d; a++)
            {
                beta[a] -= step[a];
                change = Math.Max(change, Math.Abs(step[a]));
            }
            if (change < 1e-9)
            {
                break;
            }
        }
        return new LogisticRegression(beta[..d], beta[d], means, scales);
    }

    public double Probability(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var x = Standardise(features, Means, Scales);
        var z = Intercept;
        for (var j = 0; j < Weights.Length; j++)
        {
            z += Weights[j] * x[j];
        }
        return Sigmoid(z);
    }

    private static double[] Standardise(double[] f, double[] means, double[] scales)
    {
        var x = new double[f.Length];
        for (var j = 0; j < f.Length; j++)
        {
            x[j] = (f[j] - means[j]) / scales[j];
        }
        return x;
    }

    private static double Dot(double[] beta, double[] x)
    {
        var z = beta[^1];
        for (var j = 0; j < x.Length; j++)
        {
            z += beta[j] * x[j];
        }
        return z;
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
