namespace Liaison.Exchange; internal static class Placeholder { }
