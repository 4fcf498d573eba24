namespace Liaison.Web.Tests;

/// <summary>Test data copied next to the tests, and the repository's generated samples.</summary>
public static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Liaison.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Liaison.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string Sample(string node, string file) => System.IO.Path.Combine(RepositoryRoot(), "samples", node, file);
}
