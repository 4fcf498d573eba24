namespace Liaison.Analysis.Ads;

/// <summary>Solves A x = b for a symmetric positive-definite A (the regularised Hessian).</summary>
internal static class Cholesky
{
    public static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }
                if (i == j)
                {
                    l[i, i] = Math.Sqrt(Math.Max(sum, 1e-12));
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }
            y[i] = sum / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * x[k];
            }
            x[i] = sum / l[i, i];
        }
        return x;
    }
}
