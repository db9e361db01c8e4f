// The labelled evaluation set for matching (tests/bench/matching-quality.ts; docs/decisions/014-matching.md).
//
// How it was written: 32 kinds of community service that Shanghai streets and district departments actually buy.
// For each, a need in the buyer's words, and organizations that provide that service described in *their own*
// words (other terms, synonyms, neighbouring phrasing — a 长者食堂 operator, a 为老助餐 service agency …). The
// judgements come from what each organization does, decided by hand when writing the entry, not from the ranking's
// features:
//   3 — provides exactly the service the need asks for;
//   1 — a neighbouring service the buyer could reasonably consider (listed in `neighbours`);
//   0 — everything else, including the planted distractors:
//       `sameWords`  — shares words with the need but provides another service (a 长者书画社 for an elder-meal need);
//       `samePeople` — serves the same people with a different service (a 老年人 choir for an elder-meal need).
// Tags on organizations are what such an organization would choose for itself; some choose none or broad ones.
export type OrgSketch = { name: string; description: string; tags: string[] };
export type Service = {
  key: string;
  need: { title: string; summary: string; tags: string[] };
  providers: OrgSketch[];
  neighbours: string[];
  sameWords: OrgSketch;
  samePeople: OrgSketch;
};

export const SERVICES: Service[] = [
  {
    key: "meals",
    need: { title: "街道长者食堂及老年助餐点运营", summary: "为辖区高龄、独居老人提供午餐堂食和送餐上门，建立用餐台账。", tags: ["助餐", "老年人"] },
    providers: [
      { name: "乐膳为老助餐服务中心", description: "运营社区长者食堂三处，日供餐八百份，提供老年人送餐上门。", tags: ["助餐", "养老服务"] },
      { name: "邻里厨房社区服务社", description: "中央厨房配送，为社区老人提供营养午餐和助餐点管理。", tags: ["助餐"] },
      { name: "颐康老年餐桌服务中心", description: "老年餐桌与送餐服务，覆盖独居和失能老人。", tags: ["独居老人", "上门服务"] },
    ],
    neighbours: ["homecare"],
    sameWords: { name: "长者书画研习社", description: "组织长者书画培训，在长者食堂举办作品展。", tags: ["文化", "老年人"] },
    samePeople: { name: "夕阳红老年合唱团", description: "老年人合唱排练和社区演出。", tags: ["文体活动", "老年人"] },
  },
  {
    key: "dementia",
    need: { title: "认知障碍友好社区建设", summary: "开展认知障碍早期筛查、照护者支持小组和友好社区宣传。", tags: ["认知症照护"] },
    providers: [
      { name: "忆路同行认知症照护中心", description: "认知症老人日间照护、记忆训练与家属照护技能培训。", tags: ["认知症照护", "老年人"] },
      { name: "知心记忆家园服务社", description: "阿尔茨海默病早筛、非药物干预与照护者喘息服务。", tags: ["长者照护"] },
      { name: "暖忆长者关怀中心", description: "失智老人家庭支持与认知友好社区倡导。", tags: ["认知症照护", "家庭"] },
    ],
    neighbours: ["homecare", "mental"],
    sameWords: { name: "社区友好邻里读书会", description: "友好社区读书分享，建设书香社区。", tags: ["阅读推广"] },
    samePeople: { name: "银龄健身操队", description: "老年人健身操教学与比赛。", tags: ["体育", "老年人"] },
  },
  {
    key: "homecare",
    need: { title: "居家养老上门服务", summary: "为失能、半失能老人提供上门助浴、助洁、生活照料。", tags: ["居家养老", "失能老人"] },
    providers: [
      { name: "安居护老居家服务社", description: "居家照护员上门提供助浴、助洁、陪医和生活照料。", tags: ["居家养老", "上门服务"] },
      { name: "福乐家庭照护服务中心", description: "长护险居家照护，失能老人上门护理。", tags: ["长者照护", "失能老人"] },
      { name: "康馨为老服务社", description: "社区居家养老服务，上门生活照料和探访。", tags: ["居家养老"] },
    ],
    neighbours: ["meals", "buddy", "dementia"],
    sameWords: { name: "居家收纳整理工作室", description: "上门整理收纳培训，家居美化。", tags: ["便民服务"] },
    samePeople: { name: "老年大学书法班", description: "老年人书法教学。", tags: ["文化", "老年人"] },
  },
  {
    key: "buddy",
    need: { title: "老伙伴计划低龄老人结对关爱高龄独居老人", summary: "组织低龄老年志愿者定期探访高龄独居老人，提供关爱服务。", tags: ["老伙伴计划", "独居老人"] },
    providers: [
      { name: "银龄互助志愿服务社", description: "低龄老人志愿者一对五结对探访，电话问候与安全巡视。", tags: ["老伙伴计划", "志愿服务"] },
      { name: "守望相助为老服务中心", description: "独居老人关爱探访与紧急援助网络。", tags: ["独居老人", "邻里互助"] },
      { name: "暖心结对关爱社", description: "高龄老人结对关爱、孤独感干预。", tags: ["老年人", "志愿者管理"] },
    ],
    neighbours: ["homecare", "neighbours"],
    sameWords: { name: "老伙伴户外摄影俱乐部", description: "中老年摄影爱好者户外采风。", tags: ["文化"] },
    samePeople: { name: "老年人防诈骗宣讲团", description: "为老年人讲解防范电信诈骗知识。", tags: ["防范电信诈骗", "老年人"] },
  },
  {
    key: "ageing-retrofit",
    need: { title: "困难老人家庭适老化改造", summary: "为困难老年人家庭开展防滑、扶手、照明等居家适老化改造和评估。", tags: ["适老化改造"] },
    providers: [
      { name: "安康适老居家改造服务中心", description: "居家环境评估，安装扶手、防滑地面和夜间照明。", tags: ["适老化改造"] },
      { name: "颐居无障碍改造服务社", description: "老年住宅无障碍改造和辅具适配。", tags: ["老年人", "上门服务"] },
    ],
    neighbours: ["homecare"],
    sameWords: { name: "家庭改造亲子手工坊", description: "亲子手工与家居小改造课程。", tags: ["家庭教育"] },
    samePeople: { name: "老年人健康讲座服务社", description: "为老年人开展健康讲座。", tags: ["健康促进", "老年人"] },
  },
  {
    key: "sunshine-home",
    need: { title: "阳光之家智障人士日间照料服务", summary: "为智力障碍人士提供日间照料、康复训练和职业能力培养。", tags: ["阳光之家", "残疾人"] },
    providers: [
      { name: "融爱智障人士服务中心", description: "运营阳光之家，开展智力障碍学员康复训练和劳动技能培训。", tags: ["阳光之家"] },
      { name: "向阳心智障碍者关爱社", description: "心智障碍者日间照料和社会融入活动。", tags: ["残疾人服务", "残疾人"] },
      { name: "启能残障支持服务社", description: "智障学员庇护性就业与康复。", tags: ["助残就业", "康复"] },
    ],
    neighbours: ["rehab", "disability-jobs"],
    sameWords: { name: "阳光少年足球俱乐部", description: "青少年足球训练。", tags: ["体育", "青少年"] },
    samePeople: { name: "残疾人法律咨询站", description: "为残疾人提供法律咨询。", tags: ["法律援助", "残疾人"] },
  },
  {
    key: "mental-rehab",
    need: { title: "阳光心园精神障碍康复者社区康复", summary: "为精神障碍康复者提供社区日间康复、心理支持和社会功能训练。", tags: ["阳光心园", "精神障碍康复者"] },
    providers: [
      { name: "心晴精神康复服务中心", description: "精神康复者社区日间活动、服药管理与家属支持。", tags: ["阳光心园", "康复"] },
      { name: "同心园社区康复服务社", description: "精神障碍者职业康复、社交技能训练。", tags: ["精神障碍康复者"] },
    ],
    neighbours: ["mental", "rehab"],
    sameWords: { name: "阳光花园园艺社", description: "社区阳光花园绿化养护。", tags: ["社区花园"] },
    samePeople: { name: "残障人士出行陪伴队", description: "残障人士就医陪伴。", tags: ["残疾人"] },
  },
  {
    key: "rehab",
    need: { title: "残疾人社区康复与辅具服务", summary: "为肢体残疾人提供社区康复训练、辅具评估适配与上门康复指导。", tags: ["康复", "残疾人"] },
    providers: [
      { name: "康健残疾人康复服务中心", description: "肢体残疾康复训练，辅助器具评估与适配。", tags: ["康复"] },
      { name: "愈行社区康复服务社", description: "社区康复站运营，上门康复指导。", tags: ["残疾人服务", "上门服务"] },
    ],
    neighbours: ["sunshine-home", "mental-rehab"],
    sameWords: { name: "康健太极拳协会", description: "太极拳推广与健身。", tags: ["体育"] },
    samePeople: { name: "助残就业指导中心", description: "残疾人职业介绍和岗位开发。", tags: ["助残就业", "残疾人"] },
  },
  {
    key: "disability-jobs",
    need: { title: "残疾人就业援助与岗位对接", summary: "开展残疾人职业评估、技能培训和用人单位岗位对接。", tags: ["助残就业"] },
    providers: [
      { name: "启航残疾人就业服务社", description: "残疾人职业能力评估、支持性就业和岗位开发。", tags: ["助残就业"] },
      { name: "携手融合就业发展中心", description: "残障人士技能培训与企业用工对接。", tags: ["残疾人", "职业技能培训"] },
    ],
    neighbours: ["jobs", "sunshine-home"],
    sameWords: { name: "就业岗位信息发布平台", description: "青年招聘信息发布。", tags: ["劳动就业"] },
    samePeople: { name: "残疾人文体活动中心", description: "残疾人艺术和体育活动。", tags: ["文化", "残疾人"] },
  },
  {
    key: "summer-care",
    need: { title: "爱心暑托班", summary: "暑假期间为双职工家庭小学生提供看护、课业辅导和兴趣课程。", tags: ["暑托班", "儿童"] },
    providers: [
      { name: "童乐暑期托管服务社", description: "小学生暑期托管，作业辅导和科普、艺术兴趣课。", tags: ["暑托班"] },
      { name: "小太阳儿童服务中心", description: "学龄儿童课后及假期看护服务。", tags: ["儿童服务", "儿童"] },
      { name: "悦成长少儿托管社", description: "寒暑假托管班运营，安全看护与夏令营活动。", tags: ["儿童"] },
    ],
    neighbours: ["family-edu", "youth"],
    sameWords: { name: "爱心献血志愿者协会", description: "组织无偿献血宣传。", tags: ["志愿服务"] },
    samePeople: { name: "儿童牙齿保健宣教中心", description: "儿童口腔健康宣教。", tags: ["健康促进", "儿童"] },
  },
  {
    key: "family-edu",
    need: { title: "社区家庭教育指导服务", summary: "为家长提供家庭教育讲座、亲子沟通小组和个案咨询。", tags: ["家庭教育", "家庭"] },
    providers: [
      { name: "亲子同行家庭教育指导中心", description: "家长课堂、亲子关系辅导和家庭教育咨询。", tags: ["家庭教育"] },
      { name: "和美家庭服务社", description: "家庭关系调适、父母成长小组。", tags: ["家庭", "小组工作"] },
    ],
    neighbours: ["summer-care", "youth", "children-at-risk"],
    sameWords: { name: "家庭医生签约推广站", description: "家庭医生签约宣传。", tags: ["健康促进"] },
    samePeople: { name: "家庭理财讲堂", description: "家庭理财知识普及。", tags: ["家庭"] },
  },
  {
    key: "children-at-risk",
    need: { title: "困境儿童关爱保护服务", summary: "对困境儿童开展家庭走访、个案管理和学业生活帮扶。", tags: ["困境儿童关爱", "儿童"] },
    providers: [
      { name: "护苗儿童保护服务中心", description: "困境儿童个案管理、监护评估和资源链接。", tags: ["困境儿童关爱", "个案服务"] },
      { name: "星光儿童关爱社", description: "留守和困难家庭儿童的陪伴与学业支持。", tags: ["儿童服务", "困难家庭"] },
    ],
    neighbours: ["family-edu", "youth"],
    sameWords: { name: "儿童保护绘本馆", description: "儿童绘本阅读推广。", tags: ["阅读推广"] },
    samePeople: { name: "少儿围棋培训社", description: "少儿围棋培训。", tags: ["文化", "儿童"] },
  },
  {
    key: "youth",
    need: { title: "青少年成长陪伴与心理支持", summary: "为中学生开展成长小组、心理健康教育和社会实践活动。", tags: ["青少年成长", "青少年"] },
    providers: [
      { name: "青苗青少年事务服务社", description: "青少年成长小组、生涯规划与社会实践。", tags: ["青少年成长"] },
      { name: "同伴青春发展中心", description: "中学生心理辅导和同伴支持。", tags: ["青少年", "心理健康"] },
    ],
    neighbours: ["mental", "family-edu"],
    sameWords: { name: "青少年篮球联赛组委会", description: "组织青少年篮球比赛。", tags: ["体育"] },
    samePeople: { name: "青少年编程培训中心", description: "青少年编程课程。", tags: ["职业技能培训", "青少年"] },
  },
  {
    key: "women",
    need: { title: "妇女权益维护与反家暴服务", summary: "提供妇女维权咨询、反家庭暴力个案干预和宣传。", tags: ["妇女权益", "妇女"] },
    providers: [
      { name: "巾帼维权服务中心", description: "妇女法律咨询、家庭暴力受害者庇护与个案支持。", tags: ["妇女权益"] },
      { name: "她力量社会工作服务社", description: "女性赋能、反家暴宣传与危机干预。", tags: ["妇女", "个案服务"] },
    ],
    neighbours: ["legal-aid", "family-edu"],
    sameWords: { name: "权益保护消费者协会", description: "消费者维权投诉。", tags: ["咨询"] },
    samePeople: { name: "妇女瑜伽健身队", description: "妇女瑜伽健身。", tags: ["体育", "妇女"] },
  },
  {
    key: "self-governance",
    need: { title: "居民区楼组自治能力提升", summary: "培育楼组长骨干，推动楼道议事和自治公约制定。", tags: ["楼组自治", "社区居民"] },
    providers: [
      { name: "共治社区发展中心", description: "楼组长培训、楼道自治和居民议事规则推广。", tags: ["楼组自治"] },
      { name: "邻里议事服务社", description: "社区协商议事会陪伴和居民自治项目。", tags: ["社区协商", "社区治理"] },
    ],
    neighbours: ["placemaking", "elevator"],
    sameWords: { name: "楼宇清洁服务社", description: "楼道保洁服务。", tags: ["便民服务"] },
    samePeople: { name: "社区居民广场舞队", description: "居民广场舞活动。", tags: ["文体活动", "社区居民"] },
  },
  {
    key: "elevator",
    need: { title: "既有多层住宅加装电梯协调服务", summary: "协助居民协商加装电梯意见征询、方案公示和矛盾化解。", tags: ["加装电梯"] },
    providers: [
      { name: "加梯帮社区服务中心", description: "多层住宅加装电梯全流程协调、居民意见征询。", tags: ["加装电梯"] },
      { name: "和顺社区协商服务社", description: "旧楼增设电梯中的邻里协商与纠纷调解。", tags: ["社区协商", "纠纷化解"] },
    ],
    neighbours: ["self-governance", "mediation"],
    sameWords: { name: "电梯安全检测技术服务社", description: "电梯设备安全检测。", tags: ["平安社区"] },
    samePeople: { name: "居民楼健康讲座队", description: "居民健康讲座。", tags: ["健康促进", "社区居民"] },
  },
  {
    key: "placemaking",
    need: { title: "参与式社区营造与微更新", summary: "组织居民参与公共空间微更新设计和社区营造活动。", tags: ["社区营造"] },
    providers: [
      { name: "大鱼社区营造发展中心", description: "社区规划、参与式设计与公共空间微更新。", tags: ["社区营造"] },
      { name: "街角更新设计服务社", description: "弄堂空间改造中的居民参与工作坊。", tags: ["社区治理", "社区活动"] },
    ],
    neighbours: ["community-garden", "self-governance"],
    sameWords: { name: "营造工程造价咨询社", description: "建设工程造价咨询。", tags: ["咨询"] },
    samePeople: { name: "社区居民摄影协会", description: "居民摄影展。", tags: ["文化", "社区居民"] },
  },
  {
    key: "garbage",
    need: { title: "生活垃圾分类宣传与督导", summary: "组织垃圾分类定时定点督导、入户宣传和志愿者培训。", tags: ["垃圾分类"] },
    providers: [
      { name: "绿色家园环保服务社", description: "垃圾分类桶边督导、湿垃圾减量与环保宣传。", tags: ["垃圾分类", "环保"] },
      { name: "净美生活环境促进中心", description: "社区生活垃圾分类培训和绿色账户推广。", tags: ["环保"] },
    ],
    neighbours: ["community-garden", "volunteers"],
    sameWords: { name: "分类广告信息服务社", description: "分类信息广告发布。", tags: ["便民服务"] },
    samePeople: { name: "社区居民歌咏队", description: "居民歌咏活动。", tags: ["文化", "社区居民"] },
  },
  {
    key: "community-garden",
    need: { title: "社区花园建设与自然教育", summary: "建设社区花园，开展居民种植、自然教育和园艺志愿活动。", tags: ["社区花园"] },
    providers: [
      { name: "四叶草社区花园中心", description: "社区花园共建、朴门种植和儿童自然教育。", tags: ["社区花园"] },
      { name: "绿里园艺生态服务社", description: "屋顶菜园、园艺疗愈和自然观察课程。", tags: ["环保", "社区活动"] },
    ],
    neighbours: ["placemaking", "garbage"],
    sameWords: { name: "花园酒店管理服务社", description: "酒店物业管理。", tags: ["便民服务"] },
    samePeople: { name: "社区居民乒乓球队", description: "居民乒乓球比赛。", tags: ["体育", "社区居民"] },
  },
  {
    key: "neighbours",
    need: { title: "睦邻点运营与邻里互助", summary: "运营楼组睦邻点，开展邻里互助和睦邻活动。", tags: ["睦邻点", "邻里互助"] },
    providers: [
      { name: "睦邻家园服务社", description: "睦邻点运营、邻里守望和互助小组。", tags: ["睦邻点"] },
      { name: "好邻居互助服务中心", description: "邻里互助网络、闲置物品交换和邻里节。", tags: ["邻里互助", "社区活动"] },
    ],
    neighbours: ["buddy", "self-governance"],
    sameWords: { name: "邻里便利店联盟", description: "社区便利店经营。", tags: ["便民服务"] },
    samePeople: { name: "社区居民篮球队", description: "居民篮球活动。", tags: ["体育"] },
  },
  {
    key: "party-hub",
    need: { title: "党群服务阵地运营", summary: "承接街道党群服务中心日常运营、活动策划和志愿者管理。", tags: ["党群阵地运营", "项目运营"] },
    providers: [
      { name: "红帆党群服务中心", description: "党群服务站点托管运营和党建活动策划。", tags: ["党群阵地运营"] },
      { name: "同心阵地运营服务社", description: "社区党群阵地、新时代文明实践站点运营。", tags: ["项目运营", "社区服务"] },
    ],
    neighbours: ["volunteers", "community-affairs"],
    sameWords: { name: "阵地篮球俱乐部", description: "篮球训练。", tags: ["体育"] },
    samePeople: { name: "社区居民读书会", description: "居民读书会。", tags: ["阅读推广"] },
  },
  {
    key: "community-affairs",
    need: { title: "社区事务受理代办与帮办服务", summary: "为老年人等群体提供社区事务代办、帮办和政务服务指导。", tags: ["社区事务代办", "便民服务"] },
    providers: [
      { name: "邻帮帮便民代办服务社", description: "社区事务代办、老人证照帮办和线上政务指导。", tags: ["社区事务代办"] },
      { name: "便捷生活服务中心", description: "便民服务点运营，帮办医保社保事务。", tags: ["便民服务"] },
    ],
    neighbours: ["party-hub"],
    sameWords: { name: "事务所会计服务社", description: "财务代理记账。", tags: ["咨询"] },
    samePeople: { name: "老年人舞蹈队", description: "老年舞蹈。", tags: ["文化", "老年人"] },
  },
  {
    key: "mental",
    need: { title: "社区居民心理健康服务", summary: "开设心理咨询热线、心理健康讲座和危机干预服务。", tags: ["心理健康", "热线"] },
    providers: [
      { name: "心语心理咨询服务中心", description: "心理咨询、情绪疏导热线和心理危机干预。", tags: ["心理健康", "咨询"] },
      { name: "安心社会心理服务社", description: "社会心理服务站运营，开展团体辅导与心理科普。", tags: ["心理健康"] },
    ],
    neighbours: ["youth", "mental-rehab"],
    sameWords: { name: "热线外卖配送服务社", description: "餐饮外卖热线订餐配送。", tags: ["便民服务"] },
    samePeople: { name: "社区居民健步走协会", description: "健步走活动。", tags: ["体育", "社区居民"] },
  },
  {
    key: "health",
    need: { title: "慢性病健康管理与健康促进", summary: "开展高血压、糖尿病自我管理小组和健康生活方式宣传。", tags: ["健康促进"] },
    providers: [
      { name: "康寿健康促进中心", description: "慢病自我管理小组、健康讲座和膳食指导。", tags: ["健康促进"] },
      { name: "健行社区卫生服务社", description: "社区健康管理、血压血糖监测和健康教育。", tags: ["医疗卫生", "社区居民"] },
    ],
    neighbours: ["mental", "hospice"],
    sameWords: { name: "健康饮品经营部", description: "饮品销售。", tags: ["便民服务"] },
    samePeople: { name: "居民书画协会", description: "书画交流。", tags: ["文化", "社区居民"] },
  },
  {
    key: "hospice",
    need: { title: "社区安宁疗护与临终关怀", summary: "为终末期患者及家属提供居家安宁疗护、哀伤辅导。", tags: ["安宁疗护"] },
    providers: [
      { name: "宁馨安宁疗护服务中心", description: "临终关怀、舒缓疗护和家属哀伤支持。", tags: ["安宁疗护"] },
      { name: "暮晖生命关怀服务社", description: "生命末期陪伴与居家舒缓照护。", tags: ["医疗卫生", "家庭"] },
    ],
    neighbours: ["homecare", "health"],
    sameWords: { name: "社区关怀慈善超市", description: "慈善超市运营。", tags: ["慈善超市"] },
    samePeople: { name: "病友联谊读书会", description: "读书交流。", tags: ["阅读推广"] },
  },
  {
    key: "jobs",
    need: { title: "失业人员就业援助服务", summary: "为失业人员和就业困难人员提供职业指导、技能培训和岗位推荐。", tags: ["就业援助", "失业人员"] },
    providers: [
      { name: "职通就业服务中心", description: "就业困难人员职业指导、招聘会和岗位推荐。", tags: ["就业援助"] },
      { name: "匠心职业技能培训社", description: "家政、养老护理员等技能培训与就业推荐。", tags: ["职业技能培训", "失业人员"] },
    ],
    neighbours: ["disability-jobs", "startup"],
    sameWords: { name: "援助律师事务联络站", description: "法律援助。", tags: ["法律援助"] },
    samePeople: { name: "失业人员心理健康沙龙", description: "心理沙龙。", tags: ["心理健康"] },
  },
  {
    key: "startup",
    need: { title: "青年创业指导与孵化", summary: "为创业青年提供创业培训、导师辅导和项目孵化。", tags: ["创业指导"] },
    providers: [
      { name: "启梦创业服务中心", description: "创业培训、创业导师辅导和初创项目孵化。", tags: ["创业指导", "孵化"] },
      { name: "青创社会企业发展社", description: "青年创业者陪伴与路演对接。", tags: ["劳动就业"] },
    ],
    neighbours: ["jobs"],
    sameWords: { name: "青年创意市集", description: "文创市集。", tags: ["文化"] },
    samePeople: { name: "青年足球联盟", description: "青年足球。", tags: ["体育", "青少年"] },
  },
  {
    key: "reading",
    need: { title: "社区阅读推广与书香社区建设", summary: "运营社区书屋，开展亲子阅读、读书会和阅读推广人培训。", tags: ["阅读推广"] },
    providers: [
      { name: "书香邻里阅读推广中心", description: "社区书屋运营、亲子共读和读书会。", tags: ["阅读推广"] },
      { name: "悦读文化服务社", description: "全民阅读活动策划、阅读推广人培养。", tags: ["文化", "社区活动"] },
    ],
    neighbours: ["culture"],
    sameWords: { name: "社区书法推广协会", description: "书法推广。", tags: ["文化"] },
    samePeople: { name: "亲子游泳培训社", description: "亲子游泳。", tags: ["体育", "家庭"] },
  },
  {
    key: "culture",
    need: { title: "社区文化活动配送", summary: "为社区文化活动中心配送戏曲、讲座和文艺演出。", tags: ["文化", "社区活动"] },
    providers: [
      { name: "海上文化艺术服务中心", description: "社区文化活动策划与文艺演出配送。", tags: ["文化"] },
      { name: "戏韵沪剧艺术团", description: "沪剧、越剧进社区演出和戏曲讲座。", tags: ["文体活动"] },
    ],
    neighbours: ["reading"],
    sameWords: { name: "文化用品批发部", description: "文具批发。", tags: ["便民服务"] },
    samePeople: { name: "社区活动室保洁服务社", description: "活动室保洁。", tags: ["便民服务", "社区居民"] },
  },
  {
    key: "volunteers",
    need: { title: "社区志愿服务项目化运作与志愿者管理", summary: "招募培训社区志愿者，建立志愿服务积分和时间银行。", tags: ["志愿者管理", "时间银行"] },
    providers: [
      { name: "益起来志愿服务发展中心", description: "志愿者招募、培训、激励和志愿项目设计。", tags: ["志愿者管理"] },
      { name: "时间储蓄互助社", description: "时间银行互助养老与志愿服务积分管理。", tags: ["时间银行"] },
    ],
    neighbours: ["party-hub", "garbage"],
    sameWords: { name: "银行网点便民咨询站", description: "金融咨询。", tags: ["咨询"] },
    samePeople: { name: "志愿者合唱团", description: "合唱。", tags: ["文化"] },
  },
  {
    key: "fraud",
    need: { title: "防范电信网络诈骗宣传", summary: "面向老年人开展反诈宣传、案例讲座和入户提醒。", tags: ["防范电信诈骗", "宣传倡导"] },
    providers: [
      { name: "守护钱袋反诈宣传服务社", description: "反电诈情景剧、老年人防骗讲座和入户宣传。", tags: ["防范电信诈骗"] },
      { name: "平安邻里服务中心", description: "平安社区建设、防诈骗宣传和治安志愿巡逻。", tags: ["平安社区", "宣传倡导"] },
    ],
    neighbours: ["emergency"],
    sameWords: { name: "网络宣传设计工作室", description: "网站设计。", tags: ["线上服务"] },
    samePeople: { name: "老年人模特队", description: "老年模特表演。", tags: ["文化", "老年人"] },
  },
  {
    key: "emergency",
    need: { title: "社区应急演练与防灾减灾宣传", summary: "组织消防、地震应急演练，培训社区应急志愿者。", tags: ["应急演练"] },
    providers: [
      { name: "安全家园应急服务中心", description: "社区应急预案、疏散演练和急救培训。", tags: ["应急演练"] },
      { name: "防灾减灾志愿服务社", description: "防灾减灾科普、应急志愿者队伍建设。", tags: ["防灾减灾", "培训"] },
    ],
    neighbours: ["fraud"],
    sameWords: { name: "演练舞台演出服务社", description: "舞台演出排练。", tags: ["文化"] },
    samePeople: { name: "社区居民茶艺社", description: "茶艺交流。", tags: ["文化", "社区居民"] },
  },
  {
    key: "mediation",
    need: { title: "人民调解与邻里纠纷化解", summary: "派驻专业调解员，化解邻里、物业和家庭纠纷。", tags: ["矛盾调处", "纠纷化解"] },
    providers: [
      { name: "和事佬调解服务中心", description: "专业人民调解、邻里矛盾和物业纠纷调处。", tags: ["矛盾调处"] },
      { name: "息争社区调解工作室", description: "家庭纠纷、邻里冲突的调解与心理疏导。", tags: ["纠纷化解"] },
    ],
    neighbours: ["legal-aid", "elevator"],
    sameWords: { name: "家庭纠纷主题剧社", description: "话剧演出。", tags: ["文化"] },
    samePeople: { name: "物业保安服务社", description: "保安服务。", tags: ["平安社区"] },
  },
  {
    key: "legal-aid",
    need: { title: "社区法律服务与法律援助", summary: "为居民提供法律咨询、法律援助和普法讲座。", tags: ["法律援助"] },
    providers: [
      { name: "公正法律援助服务社", description: "律师驻点法律咨询、法律援助和普法宣传。", tags: ["法律援助"] },
      { name: "明法社区法律服务中心", description: "居民法律问题解答和公益诉讼支持。", tags: ["咨询", "专业调处"] },
    ],
    neighbours: ["mediation", "women"],
    sameWords: { name: "法律书籍出版发行部", description: "图书发行。", tags: ["文化"] },
    samePeople: { name: "社区居民象棋协会", description: "象棋比赛。", tags: ["体育", "社区居民"] },
  },
];
