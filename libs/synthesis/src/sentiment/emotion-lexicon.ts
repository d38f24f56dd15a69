/**
 * Named emotions of the journey's emotion lane, from curiosity to delight or
 * irritation. Cue words name an emotion explicitly ("интересно", "бесит",
 * "worried"); without a cue the emotion is only a coarse band of the score.
 */
export type Emotion =
  | 'curiosity'
  | 'delight'
  | 'satisfaction'
  | 'neutral'
  | 'confusion'
  | 'anxiety'
  | 'disappointment'
  | 'irritation';

/** Sign of each emotion, used to reject cues that contradict the score. */
export const EMOTION_VALENCE: Readonly<Record<Emotion, -1 | 0 | 1>> = {
  curiosity: 1,
  delight: 1,
  satisfaction: 1,
  neutral: 0,
  confusion: -1,
  anxiety: -1,
  disappointment: -1,
  irritation: -1,
};

export const EMOTION_CUES: Readonly<Record<Exclude<Emotion, 'neutral'>, string>> = {
  curiosity: `интересно, интерес, любопытно, любопытство, заинтересовало, заинтересовал, заинтриговало, захотелось узнать,
    хотелось узнать, стало интересно, интригует, curious, curiosity, intrigued, intriguing, interested, interesting,
    wondered, wonder, wanted to know, wanted to find out, caught my eye, caught my attention`,
  delight: `восторг, в восторге, восхищена, восхищен, обожаю, влюбилась, =вау, счастлива, счастлив, потрясающе,
    восхитительно, радость, обрадовалась, delighted, thrilled, ecstatic, love, loved, adore, amazed, blown away, =wow,
    overjoyed, excited`,
  satisfaction: `доволен, довольна, довольны, устраивает, устроило, понравилось, нравится, спокойно, благодарна,
    благодарен, satisfied, pleased, happy, glad, relieved, grateful, comfortable`,
  confusion: `непонятно, непонятный, запуталась, запутался, запутанно, растерялась, растерялся, не поняла, не понял,
    не разобралась, неясно, confused, confusing, unclear, puzzled, baffled, didn't understand, couldn't figure out`,
  anxiety: `боюсь, боялась, страшно, тревожно, тревога, переживала, переживал, волновалась, нервничала, опасаюсь,
    сомневалась, стресс, worried, worry, anxious, nervous, afraid, scared, stressed, uneasy, concerned`,
  disappointment: `разочарован, разочарована, разочарование, разочаровало, обидно, жаль, жалко, пожалела, ожидала большего,
    ожидал большего, расстроилась, расстроился, расстроена, disappointed, disappointing, disappointment, let down, regret,
    sad, upset, expected more, underwhelming, underwhelmed`,
  irritation: `бесит, бесят, взбесило, раздражает, раздражение, разозлило, злюсь, злость, возмущена, возмутило, в бешенстве,
    хамство, нахамили, надоело, достали, irritated, irritating, annoyed, annoying, angry, furious, frustrated, frustrating,
    fed up, sick of, outraged, livid, rude`,
};
