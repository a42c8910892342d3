using Dateline.Model;
namespace Dateline.Text;
public static class Tokenizer
{
    public static Token[] Tokenize(string text) => [];
}
