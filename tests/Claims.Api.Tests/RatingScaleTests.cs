using Claims.Api.Reviews;

namespace Claims.Api.Tests;

public sealed class RatingScaleTests
{
    [Theory]
    [InlineData("true", Rating.True)]
    [InlineData("Correct", Rating.True)]
    [InlineData("صحيح", Rating.True)]
    [InlineData("  Mostly   TRUE ", Rating.MostlyTrue)]
    [InlineData("Half-True", Rating.Mixed)]
    [InlineData("mixture", Rating.Mixed)]
    [InlineData("صحيح جزئياً", Rating.Mixed)]
    [InlineData("صحيح جزئيًا", Rating.Mixed)]
    [InlineData("صحيح جزئيا", Rating.Mixed)]
    [InlineData("misleading", Rating.MostlyFalse)]
    [InlineData("Partly false", Rating.MostlyFalse)]
    [InlineData("Missing context", Rating.MostlyFalse)]
    [InlineData("مضلل", Rating.MostlyFalse)]
    [InlineData("مضلّل", Rating.MostlyFalse)]
    [InlineData("غير صحيح جزئياً", Rating.MostlyFalse)]
    [InlineData("سياق مجتزأ", Rating.MostlyFalse)]
    [InlineData("FALSE.", Rating.False)]
    [InlineData("fake", Rating.False)]
    [InlineData("Pants on Fire!", Rating.False)]
    [InlineData("pants-fire", Rating.False)]
    [InlineData("barely-true", Rating.MostlyFalse)]
    [InlineData("خطأ", Rating.False)]
    [InlineData("زائف", Rating.False)]
    [InlineData("كاذب", Rating.False)]
    [InlineData("خبر كاذب", Rating.False)]
    [InlineData("مفبرك", Rating.False)]
    [InlineData("غير صحيح", Rating.False)]
    [InlineData("\u200fخاطئ\u200f", Rating.False)]
    [InlineData("فيديو معدّل", Rating.False)]
    [InlineData("excitement", Rating.Other)]
    [InlineData("غير مثبت", Rating.Other)]
    [InlineData("تحقق يوب يوب من الادعاء ووجد أنه مضلل", Rating.Other)]
    [InlineData("", Rating.Other)]
    [InlineData(null, Rating.Other)]
    public void APublishersWordsMapOntoTheScale(string? text, Rating expected) =>
        Assert.Equal(expected, RatingScale.FromText(text));

    [Fact]
    public void TheScaleScoresFiveForTrueDownToOneForFalseAndNothingForOther()
    {
        Assert.Equal([5, 4, 3, 2, 1, null], new[] { Rating.True, Rating.MostlyTrue, Rating.Mixed, Rating.MostlyFalse, Rating.False, Rating.Other }
            .Select(RatingScale.Score));
    }
}
