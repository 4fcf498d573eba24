namespace Liaison.Analysis.Ads;

/// <summary>Precision, recall and the confusion counts of scores against labels at a threshold, and the threshold-free ROC AUC.</summary>
public sealed record ClassifierEvaluation(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives, double RocAuc)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double Accuracy => (double)(TruePositives + TrueNegatives) / Math.Max(1, TruePositives + FalsePositives + TrueNegatives + FalseNegatives);

    public static ClassifierEvaluation Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException("One label per score.", nameof(labels));
        }
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            (tp, fp, tn, fn) = (predicted, labels[i]) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (true, false) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                _ => (tp, fp, tn, fn + 1),
            };
        }
        return new ClassifierEvaluation(tp, fp, tn, fn, Auc(scores, labels));
    }

    // Mann–Whitney: the probability that a random positive scores above a random negative (ties count half).
    private static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        var rankSum = Enumerable.Range(0, labels.Count).Where(i => labels[i]).Sum(i => ranks[i]);
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
