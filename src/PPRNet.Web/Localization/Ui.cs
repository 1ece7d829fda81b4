namespace PPRNet.Web.Localization;

/// <summary>The interface's words. The key of each is its English text, so a view reads as the
/// English page does; <c>Ui.fr.resx</c> beside this file holds the French. A missing French entry
/// would show the English on a French page, which <c>UiTextTests</c> catches before it ships.</summary>
public sealed class Ui;
