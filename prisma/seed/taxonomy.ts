// The curated tag taxonomy loaded by `seed` (reference data; admins curate it afterwards in the UI).
//
// - `domain` 服务领域: the 13 business domains of 《上海市承接政府购买服务社会组织推荐目录（2022版）》 as top-level tags,
//   with specific services as children (`parent` names a tag of the same group).
// - `beneficiary` 服务对象, `mode` 服务方式, and `community-class` 社区社会组织类别 (the four classes Shanghai streets use).
//
// Synonyms are what people actually type. The database keeps one global, unique synonym table (`TagSynonym.term`,
// NFKC-normalized), so a term may name only one tag: it must never equal another tag's name or another synonym.
// prisma/seed/taxonomy.test.ts enforces that.

export type TaxonomyTag = {
  nameZh: string;
  nameEn: string;
  synonyms: string[];
  description: string;
  parent?: string;
};

export type TaxonomyGroup = {
  key: string;
  nameZh: string;
  nameEn: string;
  tags: TaxonomyTag[];
};

/** The 13 domains of Shanghai's recommended-supplier directory (2022), in the directory's order. */
export const SERVICE_DOMAINS = [
  "养老服务",
  "残疾人服务",
  "妇女儿童服务",
  "社区治理",
  "社区服务",
  "医疗卫生",
  "劳动就业",
  "文体活动",
  "扶贫济困",
  "志愿服务",
  "专业支持",
  "防灾减灾",
  "专业调处",
] as const;

export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];

/** Shanghai's four classes of community social organization. */
export const COMMUNITY_CLASSES = ["生活服务类", "公益慈善类", "文体活动类", "专业调处类"] as const;

export type CommunityClass = (typeof COMMUNITY_CLASSES)[number];

export const TAG_GROUPS: TaxonomyGroup[] = [
  {
    key: "domain",
    nameZh: "服务领域",
    nameEn: "Service domain",
    tags: [
      // ── 养老服务 ──
      {
        nameZh: "养老服务",
        nameEn: "Elderly care",
        synonyms: ["为老服务", "助老服务", "社区养老"],
        description: "面向老年人的助餐、照护、健康、精神慰藉等社区养老服务。",
      },
      {
        nameZh: "助餐",
        nameEn: "Meal services for older people",
        synonyms: ["老年助餐", "长者食堂", "社区食堂", "社区长者食堂", "助餐点", "老年食堂", "送餐上门"],
        description: "社区长者食堂、助餐点运营及为行动不便老人送餐上门。",
        parent: "养老服务",
      },
      {
        nameZh: "长者照护",
        nameEn: "Elder care",
        synonyms: ["长者照护之家", "日间照料", "老年日托", "喘息服务", "短期托养"],
        description: "长者照护之家、日间照料中心等机构式和社区嵌入式照护服务。",
        parent: "养老服务",
      },
      {
        nameZh: "认知症照护",
        nameEn: "Dementia care",
        synonyms: ["认知障碍", "认知症", "老年痴呆", "失智", "失智症", "阿尔茨海默病", "认知障碍友好社区", "记忆障碍"],
        description: "认知障碍科普宣传、风险测评、非药物干预和家庭照护者支持，建设认知障碍友好社区。",
        parent: "养老服务",
      },
      {
        nameZh: "居家养老",
        nameEn: "Home-based elderly care",
        synonyms: ["居家养老服务", "居家照护", "上门助老", "家庭照护床位"],
        description: "为居家老人提供生活照料、助洁助浴、探访关爱等上门服务。",
        parent: "养老服务",
      },
      {
        nameZh: "老伙伴计划",
        nameEn: "Elder peer-support programme",
        synonyms: ["老伙伴", "低龄老人结对", "结对关爱", "老年结对互助"],
        description: "低龄老人志愿者结对关爱高龄独居老人，定期探访、电话问候。",
        parent: "养老服务",
      },
      {
        nameZh: "适老化改造",
        nameEn: "Age-friendly home modification",
        synonyms: ["居家适老化改造", "适老化", "居家环境改造"],
        description: "为老年人家庭评估并实施防滑、扶手、照明等居家环境适老化改造。",
        parent: "养老服务",
      },
      // ── 残疾人服务 ──
      {
        nameZh: "残疾人服务",
        nameEn: "Services for people with disabilities",
        synonyms: ["助残服务", "助残", "扶残助残"],
        description: "面向残疾人及其家庭的康复、托养、就业、融合等服务。",
      },
      {
        nameZh: "阳光之家",
        nameEn: "Sunshine Home (day care for people with intellectual disabilities)",
        synonyms: ["智障人士日间照料", "智力障碍人士日间照料", "阳光之家服务", "智障人士托养"],
        description: "为智力障碍人士提供日间照料、生活技能训练和职业康复的社区机构（阳光之家）运营服务。",
        parent: "残疾人服务",
      },
      {
        nameZh: "阳光心园",
        nameEn: "Sunshine Heart Garden (community mental-health rehabilitation)",
        synonyms: ["精神障碍康复", "精神康复", "阳光心园服务"],
        description: "为社区精神障碍康复者提供日间康复、社交训练和家属支持。",
        parent: "残疾人服务",
      },
      {
        nameZh: "康复",
        nameEn: "Rehabilitation",
        synonyms: ["康复训练", "社区康复", "康复服务", "肢体康复"],
        description: "残疾人和失能人员的社区康复训练、辅具适配与居家康复指导。",
        parent: "残疾人服务",
      },
      {
        nameZh: "助残就业",
        nameEn: "Employment support for people with disabilities",
        synonyms: ["残疾人就业", "辅助性就业", "阳光基地"],
        description: "残疾人职业培训、辅助性就业和岗位对接。",
        parent: "残疾人服务",
      },
      // ── 妇女儿童服务 ──
      {
        nameZh: "妇女儿童服务",
        nameEn: "Services for women and children",
        synonyms: ["妇女儿童", "妇儿服务"],
        description: "面向妇女、儿童和家庭的关爱、教育和权益服务。",
      },
      {
        nameZh: "儿童服务",
        nameEn: "Children's services",
        synonyms: ["儿童关爱", "儿童服务站", "儿童服务中心", "未成年人保护", "儿童友好社区"],
        description: "社区儿童服务站运营、儿童友好社区建设和未成年人保护服务。",
        parent: "妇女儿童服务",
      },
      {
        nameZh: "暑托班",
        nameEn: "Summer day camp for primary-school pupils",
        synonyms: ["爱心暑托班", "小学生暑期托管", "暑期托管", "小学生爱心暑托班", "寒托班", "爱心寒托班"],
        description: "寒暑假期间为小学生提供看护、兴趣课程和安全教育的爱心托管班。",
        parent: "妇女儿童服务",
      },
      {
        nameZh: "家庭教育",
        nameEn: "Parenting education",
        synonyms: ["家庭教育指导", "亲子教育", "家长课堂", "亲子活动"],
        description: "家庭教育指导、家长课堂和亲子活动，促进家庭和谐。",
        parent: "妇女儿童服务",
      },
      {
        nameZh: "困境儿童关爱",
        nameEn: "Care for children in difficulty",
        synonyms: ["困境儿童", "留守儿童", "事实无人抚养儿童"],
        description: "为困境儿童提供个案跟进、学业辅导和心理支持。",
        parent: "妇女儿童服务",
      },
      {
        nameZh: "妇女权益",
        nameEn: "Women's rights",
        synonyms: ["妇女维权", "反家庭暴力", "反家暴", "婚姻家庭调解"],
        description: "妇女权益保障、反家庭暴力援助和婚姻家庭辅导。",
        parent: "妇女儿童服务",
      },
      {
        nameZh: "青少年成长",
        nameEn: "Youth development",
        synonyms: ["青少年事务", "青少年发展", "青少年社工", "青少年教育"],
        description: "青少年成长陪伴、社会实践、心理健康和预防违法犯罪服务。",
        parent: "妇女儿童服务",
      },
      // ── 社区治理 ──
      {
        nameZh: "社区治理",
        nameEn: "Community governance",
        synonyms: ["基层治理", "社区自治", "居民自治"],
        description: "推动居民参与、协商共治和社区自治的服务。",
      },
      {
        nameZh: "楼组自治",
        nameEn: "Building-level self-governance",
        synonyms: ["楼组建设", "自治金", "自治金项目", "楼道自治", "楼组长"],
        description: "培育楼组长骨干、指导自治金项目，开展楼道美化和邻里公约等楼组自治活动。",
        parent: "社区治理",
      },
      {
        nameZh: "社区协商",
        nameEn: "Community deliberation",
        synonyms: ["协商议事", "居民议事", "议事会", "社区议事厅", "民主协商"],
        description: "搭建议事平台，引导居民围绕社区公共事务开展协商议事。",
        parent: "社区治理",
      },
      {
        nameZh: "加装电梯",
        nameEn: "Lift retrofitting",
        synonyms: ["加梯", "既有多层住宅加装电梯", "老房加装电梯"],
        description: "既有多层住宅加装电梯的政策宣传、意见征询和邻里协调。",
        parent: "社区治理",
      },
      {
        nameZh: "社区营造",
        nameEn: "Community building and micro-renewal",
        synonyms: ["社区微更新", "微更新", "社区规划", "15分钟社区生活圈"],
        description: "以居民参与方式开展社区空间微更新、社区规划和公共空间营造。",
        parent: "社区治理",
      },
      {
        nameZh: "环保",
        nameEn: "Environmental protection",
        synonyms: ["环境保护", "生态环保", "绿色低碳", "低碳生活"],
        description: "社区环境保护宣传、绿色低碳生活倡导和生态保护志愿活动。",
        parent: "社区治理",
      },
      {
        nameZh: "垃圾分类",
        nameEn: "Waste sorting",
        synonyms: ["生活垃圾分类", "垃圾分类督导", "垃圾分类宣传", "绿色账户", "湿垃圾"],
        description: "垃圾分类宣传、定时定点投放督导和绿色账户推广。",
        parent: "环保",
      },
      {
        nameZh: "社区花园",
        nameEn: "Community gardens",
        synonyms: ["社区绿化", "楼道花园", "绿植认养"],
        description: "与居民共建共管社区花园、开展绿植认养和自然教育。",
        parent: "环保",
      },
      // ── 社区服务 ──
      {
        nameZh: "社区服务",
        nameEn: "Community services",
        synonyms: ["为民服务", "便民利民"],
        description: "面向社区居民的生活服务、事务代办和公共空间运营。",
      },
      {
        nameZh: "睦邻点",
        nameEn: "Neighbourhood hubs",
        synonyms: ["睦邻点运营", "社区睦邻点", "睦邻中心", "睦邻家园"],
        description: "睦邻点、睦邻中心的日常运营与邻里活动组织。",
        parent: "社区服务",
      },
      {
        nameZh: "邻里互助",
        nameEn: "Neighbourly mutual aid",
        synonyms: ["睦邻互助", "邻里守望", "互助会"],
        description: "组织居民结对互助、邻里守望和互帮互助活动。",
        parent: "社区服务",
      },
      {
        nameZh: "社区事务代办",
        nameEn: "Errand and paperwork assistance",
        synonyms: ["事务代办", "代办服务", "帮办代办"],
        description: "为老人、残疾人等行动不便居民代办社区事务和政务服务。",
        parent: "社区服务",
      },
      {
        nameZh: "便民服务",
        nameEn: "Everyday convenience services",
        synonyms: ["便民维修", "家电维修", "便民理发", "便民集市"],
        description: "组织便民维修、理发、磨刀等日常便民服务。",
        parent: "社区服务",
      },
      {
        nameZh: "党群阵地运营",
        nameEn: "Operating Party–public service centres",
        synonyms: ["党群服务中心运营", "党群服务站", "党群服务阵地"],
        description: "党群服务中心（站）的日常运营、活动策划和志愿者管理。",
        parent: "社区服务",
      },
      // ── 医疗卫生 ──
      {
        nameZh: "医疗卫生",
        nameEn: "Health care",
        synonyms: ["卫生健康", "医疗健康"],
        description: "健康促进、疾病预防、心理健康和安宁疗护等卫生健康服务。",
      },
      {
        nameZh: "心理健康",
        nameEn: "Mental health",
        synonyms: ["心理咨询", "心理疏导", "心理援助", "心理服务", "情绪疏导", "心理辅导"],
        description: "心理健康科普、心理咨询与疏导、危机干预和心理援助热线。",
        parent: "医疗卫生",
      },
      {
        nameZh: "健康促进",
        nameEn: "Health promotion",
        synonyms: ["健康教育", "健康科普", "健康管理", "慢病管理", "健康自我管理"],
        description: "健康知识科普、慢病自我管理小组和健康生活方式倡导。",
        parent: "医疗卫生",
      },
      {
        nameZh: "安宁疗护",
        nameEn: "Palliative care",
        synonyms: ["临终关怀", "舒缓疗护", "生命关怀"],
        description: "为终末期患者及家属提供陪伴、心理支持和哀伤辅导。",
        parent: "医疗卫生",
      },
      // ── 劳动就业 ──
      {
        nameZh: "劳动就业",
        nameEn: "Employment",
        synonyms: ["就业服务", "就业创业"],
        description: "就业援助、职业技能培训和创业指导。",
      },
      {
        nameZh: "就业援助",
        nameEn: "Employment assistance",
        synonyms: ["就业促进", "就业帮扶", "求职指导", "岗位对接"],
        description: "为就业困难人员提供求职指导、岗位推荐和跟踪服务。",
        parent: "劳动就业",
      },
      {
        nameZh: "职业技能培训",
        nameEn: "Vocational training",
        synonyms: ["技能培训", "职业培训", "就业培训"],
        description: "面向失业人员、来沪人员等的职业技能和岗前培训。",
        parent: "劳动就业",
      },
      {
        nameZh: "创业指导",
        nameEn: "Entrepreneurship support",
        synonyms: ["创业服务", "创业扶持", "创业培训"],
        description: "创业政策咨询、创业培训和项目辅导。",
        parent: "劳动就业",
      },
      // ── 文体活动 ──
      {
        nameZh: "文体活动",
        nameEn: "Culture and sports",
        synonyms: ["文体服务", "文化体育"],
        description: "社区文化、体育健身和群众文体团队培育。",
      },
      {
        nameZh: "文化",
        nameEn: "Culture",
        synonyms: ["社区文化", "文化活动", "群众文化", "非遗", "非遗传承", "戏曲", "沪剧", "书画"],
        description: "社区文化活动、戏曲非遗传承和群众文艺团队培育。",
        parent: "文体活动",
      },
      {
        nameZh: "体育",
        nameEn: "Sports and fitness",
        synonyms: ["全民健身", "体育健身", "健身", "社区体育", "广场舞", "太极拳"],
        description: "全民健身活动、社区体育赛事和健身团队指导。",
        parent: "文体活动",
      },
      {
        nameZh: "阅读推广",
        nameEn: "Reading promotion",
        synonyms: ["全民阅读", "读书会", "社区书房"],
        description: "社区读书会、亲子共读和社区书房运营。",
        parent: "文体活动",
      },
      // ── 扶贫济困 ──
      {
        nameZh: "扶贫济困",
        nameEn: "Poverty relief and assistance",
        synonyms: ["扶贫帮困", "社会救助"],
        description: "扶贫、济困、救孤、救灾、助学、助医等慈善救助服务。",
      },
      {
        nameZh: "扶贫",
        nameEn: "Poverty alleviation",
        synonyms: ["结对帮扶", "对口帮扶", "消费帮扶", "东西部协作"],
        description: "对口地区结对帮扶、消费帮扶和产业帮扶公益项目。",
        parent: "扶贫济困",
      },
      {
        nameZh: "济困",
        nameEn: "Aid for families in hardship",
        synonyms: ["帮困", "困难帮扶", "综合帮扶", "帮困救助", "节日慰问"],
        description: "为低保、低收入和支出型贫困家庭提供综合帮扶与救助。",
        parent: "扶贫济困",
      },
      {
        nameZh: "救孤",
        nameEn: "Support for orphans",
        synonyms: ["孤儿救助", "孤残儿童", "助孤"],
        description: "孤儿和孤残儿童的生活资助、成长陪伴与助养服务。",
        parent: "扶贫济困",
      },
      {
        nameZh: "救灾",
        nameEn: "Disaster relief",
        synonyms: ["灾害救助", "赈灾", "灾后重建", "抗灾救灾"],
        description: "自然灾害和突发事件后的物资募集、紧急救助和灾后重建。",
        parent: "扶贫济困",
      },
      {
        nameZh: "助学",
        nameEn: "Education aid",
        synonyms: ["爱心助学", "助学金", "奖学助学", "助学帮困"],
        description: "为困难家庭学生提供助学金、学业辅导和成长支持。",
        parent: "扶贫济困",
      },
      {
        nameZh: "助医",
        nameEn: "Medical aid",
        synonyms: ["医疗救助", "大病救助", "癌症患者关爱"],
        description: "困难患者医疗费用救助、就医陪护和病友互助。",
        parent: "扶贫济困",
      },
      {
        nameZh: "慈善超市",
        nameEn: "Charity shops",
        synonyms: ["一元购", "爱心超市", "慈善商店"],
        description: "慈善超市运营、爱心物资募集与困难群众物资发放。",
        parent: "扶贫济困",
      },
      {
        nameZh: "乡村振兴",
        nameEn: "Rural revitalization",
        synonyms: ["乡村振兴公益", "美丽乡村", "农村社区发展", "三农服务"],
        description: "助力乡村产业、人才、文化、生态和组织振兴的公益项目。",
        parent: "扶贫济困",
      },
      // ── 志愿服务 ──
      {
        nameZh: "志愿服务",
        nameEn: "Volunteering",
        synonyms: ["志愿者服务", "义工", "志愿活动", "学雷锋"],
        description: "志愿者招募、培训、管理与志愿服务项目运营。",
      },
      {
        nameZh: "志愿者管理",
        nameEn: "Volunteer management",
        synonyms: ["志愿者招募", "志愿者培训", "志愿服务站运营"],
        description: "志愿者招募、培训、激励和服务记录管理。",
        parent: "志愿服务",
      },
      {
        nameZh: "时间银行",
        nameEn: "Time bank",
        synonyms: ["志愿时间储蓄", "互助时间银行", "养老时间银行"],
        description: "以服务时间存取为纽带的互助养老和志愿服务激励机制。",
        parent: "志愿服务",
      },
      // ── 专业支持 ──
      {
        nameZh: "专业支持",
        nameEn: "Professional support",
        synonyms: ["支持性服务", "专业服务支持"],
        description: "面向社会组织和公益项目的孵化、评估、督导和能力建设服务。",
      },
      {
        nameZh: "能力建设",
        nameEn: "Capacity building",
        synonyms: ["社会组织能力建设", "社会组织培育", "组织培育"],
        description: "社会组织规范化建设、项目管理和人才培养。",
        parent: "专业支持",
      },
      {
        nameZh: "社会工作",
        nameEn: "Social work",
        synonyms: ["社工服务", "专业社工", "社工"],
        description: "运用社会工作专业方法开展的综合性服务与社工人才培养。",
        parent: "专业支持",
      },
      {
        nameZh: "公益创投",
        nameEn: "Venture philanthropy",
        synonyms: ["公益创投大赛", "公益项目大赛", "微公益"],
        description: "公益创投项目征集、评审、陪伴和成果展示。",
        parent: "专业支持",
      },
      // ── 防灾减灾 ──
      {
        nameZh: "防灾减灾",
        nameEn: "Disaster prevention and mitigation",
        synonyms: ["防灾减灾救灾", "综合减灾"],
        description: "应急知识普及、应急演练和平安社区建设。",
      },
      {
        nameZh: "应急演练",
        nameEn: "Emergency drills",
        synonyms: ["应急救护", "应急预案演练", "防灾演练", "消防演练", "应急科普"],
        description: "社区应急预案演练、应急救护培训和防灾知识普及。",
        parent: "防灾减灾",
      },
      {
        nameZh: "平安社区",
        nameEn: "Safe community",
        synonyms: ["平安巡防", "治安巡逻", "群防群治", "平安建设"],
        description: "组织平安志愿者巡逻、安全隐患排查和平安社区建设。",
        parent: "防灾减灾",
      },
      {
        nameZh: "防范电信诈骗",
        nameEn: "Fraud prevention",
        synonyms: ["反诈", "反诈骗", "防诈宣传", "防骗"],
        description: "面向老年人等群体的防范电信网络诈骗宣传和劝阻。",
        parent: "防灾减灾",
      },
      // ── 专业调处 ──
      {
        nameZh: "专业调处",
        nameEn: "Professional dispute resolution",
        synonyms: ["调处服务"],
        description: "矛盾纠纷调解、法律服务和信访代理等专业调处服务。",
      },
      {
        nameZh: "矛盾调处",
        nameEn: "Conflict mediation",
        synonyms: ["人民调解", "矛盾调解", "矛盾纠纷调处", "调解"],
        description: "依托人民调解组织，开展矛盾纠纷排查、调解和跟踪回访。",
        parent: "专业调处",
      },
      {
        nameZh: "纠纷化解",
        nameEn: "Dispute resolution",
        synonyms: ["纠纷调解", "邻里纠纷", "物业纠纷", "家事纠纷", "多元化解"],
        description: "化解邻里、物业、家庭等各类纠纷，推动多元化解机制建设。",
        parent: "专业调处",
      },
      {
        nameZh: "法律援助",
        nameEn: "Legal aid",
        synonyms: ["法律咨询", "法律服务", "公益法律服务", "普法", "法律顾问"],
        description: "为困难群众和特殊群体提供法律咨询、援助代理和普法宣传。",
        parent: "专业调处",
      },
      {
        nameZh: "旧改征收服务",
        nameEn: "Urban-renewal relocation services",
        synonyms: ["旧区改造", "旧改", "征收法律服务", "城市更新"],
        description: "旧区改造和房屋征收中的政策解读、法律服务和矛盾协调。",
        parent: "专业调处",
      },
    ],
  },
  {
    key: "beneficiary",
    nameZh: "服务对象",
    nameEn: "Beneficiaries",
    tags: [
      {
        nameZh: "老年人",
        nameEn: "Older people",
        synonyms: ["长者", "老人", "银发族", "高龄老人"],
        description: "60周岁以上的老年人。",
      },
      {
        nameZh: "独居老人",
        nameEn: "Older people living alone",
        synonyms: ["空巢老人", "孤老", "纯老家庭"],
        description: "独自居住或与配偶同为老年人的家庭。",
      },
      {
        nameZh: "失能老人",
        nameEn: "Older people with functional impairment",
        synonyms: ["失能半失能老人", "卧床老人", "长护险对象"],
        description: "生活自理能力部分或全部丧失的老年人。",
      },
      {
        nameZh: "儿童",
        nameEn: "Children",
        synonyms: ["小学生", "学龄前儿童", "少年儿童"],
        description: "0–14周岁的儿童。",
      },
      {
        nameZh: "青少年",
        nameEn: "Young people",
        synonyms: ["中学生", "未成年人", "青年"],
        description: "14–25周岁的青少年。",
      },
      {
        nameZh: "残疾人",
        nameEn: "People with disabilities",
        synonyms: ["残障人士", "残障", "残疾人士", "智障人士"],
        description: "持有残疾人证的各类残疾人及其家庭。",
      },
      {
        nameZh: "精神障碍康复者",
        nameEn: "People recovering from mental illness",
        synonyms: ["精神障碍患者", "精神康复者"],
        description: "处于社区康复期的精神障碍患者。",
      },
      {
        nameZh: "妇女",
        nameEn: "Women",
        synonyms: ["女性", "妇女群众", "职业女性"],
        description: "各年龄段女性。",
      },
      {
        nameZh: "家庭",
        nameEn: "Families",
        synonyms: ["亲子家庭", "双职工家庭", "社区家庭"],
        description: "以家庭为单位的服务对象。",
      },
      {
        nameZh: "困难家庭",
        nameEn: "Families in hardship",
        synonyms: ["低保家庭", "低收入家庭", "困难群众", "支出型贫困家庭", "特困人员"],
        description: "低保、低收入、支出型贫困等经济困难家庭。",
      },
      {
        nameZh: "外来务工人员",
        nameEn: "Migrant workers",
        synonyms: ["来沪人员", "农民工", "新市民", "来沪务工人员"],
        description: "在沪工作生活的外来务工人员及其子女。",
      },
      {
        nameZh: "新就业群体",
        nameEn: "Gig and platform workers",
        synonyms: ["快递小哥", "外卖骑手", "新就业形态劳动者", "网约车司机"],
        description: "快递员、外卖骑手等新就业形态劳动者。",
      },
      {
        nameZh: "退役军人",
        nameEn: "Veterans",
        synonyms: ["退伍军人", "优抚对象", "军属"],
        description: "退役军人、优抚对象及其家属。",
      },
      {
        nameZh: "失业人员",
        nameEn: "Unemployed people",
        synonyms: ["就业困难人员", "待业人员", "长期失业青年"],
        description: "登记失业人员、就业困难人员和长期失业青年。",
      },
      {
        nameZh: "社区居民",
        nameEn: "Residents",
        synonyms: ["居民", "全体居民", "辖区居民"],
        description: "社区全体居民。",
      },
      {
        nameZh: "社会组织",
        nameEn: "Social organizations",
        synonyms: ["社区社会组织", "公益组织", "群众团队"],
        description: "社会组织、社区社会组织和群众活动团队本身。",
      },
    ],
  },
  {
    key: "mode",
    nameZh: "服务方式",
    nameEn: "Service mode",
    tags: [
      {
        nameZh: "个案服务",
        nameEn: "Casework",
        synonyms: ["个案工作", "个案管理", "一对一服务"],
        description: "对个人或家庭开展需求评估、计划制定和跟进的个案服务。",
      },
      {
        nameZh: "小组工作",
        nameEn: "Group work",
        synonyms: ["小组活动", "支持小组", "互助小组", "成长小组"],
        description: "以小组形式开展的支持、成长和互助活动。",
      },
      {
        nameZh: "社区活动",
        nameEn: "Community events",
        synonyms: ["主题活动", "社区工作", "节庆活动"],
        description: "面向社区居民的主题活动、节庆活动和社区工作。",
      },
      {
        nameZh: "上门服务",
        nameEn: "Home visits",
        synonyms: ["入户服务", "上门探访", "入户探访"],
        description: "工作人员或志愿者入户提供服务或探访。",
      },
      {
        nameZh: "培训",
        nameEn: "Training",
        synonyms: ["讲座", "课程", "培训班", "工作坊"],
        description: "讲座、课程、工作坊等培训形式。",
      },
      {
        nameZh: "咨询",
        nameEn: "Advice and counselling",
        synonyms: ["咨询服务", "政策咨询", "咨询接待"],
        description: "面对面或线上的咨询接待。",
      },
      {
        nameZh: "热线",
        nameEn: "Hotline",
        synonyms: ["服务热线", "热线电话", "24小时热线", "心理热线"],
        description: "电话热线接听、转介和回访。",
      },
      {
        nameZh: "宣传倡导",
        nameEn: "Awareness and advocacy",
        synonyms: ["宣传", "倡导", "公益宣传", "宣传教育"],
        description: "宣传、倡导和公众教育活动。",
      },
      {
        nameZh: "评估",
        nameEn: "Evaluation",
        synonyms: ["第三方评估", "需求评估", "项目评估", "绩效评估", "等级评估"],
        description: "需求评估、项目评估和第三方绩效评估。",
      },
      {
        nameZh: "督导",
        nameEn: "Supervision",
        synonyms: ["专业督导", "项目督导", "社工督导"],
        description: "对项目和一线社工的专业督导与陪伴。",
      },
      {
        nameZh: "孵化",
        nameEn: "Incubation",
        synonyms: ["孵化培育", "社会组织孵化", "孵化基地", "团队培育"],
        description: "对社会组织和群众团队的孵化培育与陪伴成长。",
      },
      {
        nameZh: "项目运营",
        nameEn: "Facility and programme operation",
        synonyms: ["阵地运营", "场馆运营", "委托运营", "社会化运营"],
        description: "受托运营服务阵地、场馆或长期服务项目。",
      },
      {
        nameZh: "资源链接",
        nameEn: "Resource brokerage",
        synonyms: ["资源整合", "资源对接", "慈善资源链接"],
        description: "链接政府、企业和慈善资源，对接服务对象需求。",
      },
      {
        nameZh: "调研",
        nameEn: "Research and surveys",
        synonyms: ["社区调研", "需求调研", "问卷调查"],
        description: "社区需求调研、问卷调查和研究报告。",
      },
      {
        nameZh: "线上服务",
        nameEn: "Online services",
        synonyms: ["线上平台", "互联网服务", "小程序服务"],
        description: "通过线上平台、小程序和社群提供服务。",
      },
    ],
  },
  {
    key: "community-class",
    nameZh: "社区社会组织类别",
    nameEn: "Community organization class",
    tags: [
      {
        nameZh: "生活服务类",
        nameEn: "Everyday services",
        synonyms: ["生活服务型", "居民互助类", "为民服务类"],
        description: "为居民提供养老、托育、助残、便民等生活服务的社区社会组织。",
      },
      {
        nameZh: "公益慈善类",
        nameEn: "Charity and public welfare",
        synonyms: ["公益类", "慈善类", "公益慈善型"],
        description: "开展扶贫济困、志愿服务、环境保护等公益慈善活动的社区社会组织。",
      },
      {
        nameZh: "文体活动类",
        nameEn: "Culture and sports activities",
        synonyms: ["文体类", "文体娱乐类", "文化体育类"],
        description: "开展文化、体育、娱乐活动的社区社会组织和群众团队。",
      },
      {
        nameZh: "专业调处类",
        nameEn: "Professional mediation",
        synonyms: ["调处类", "矛盾调处类"],
        description: "开展人民调解、法律服务、心理疏导等专业调处的社区社会组织。",
      },
    ],
  },
];

/** All tag names, in taxonomy order. */
export const ALL_TAG_NAMES: readonly string[] = TAG_GROUPS.flatMap((group) => group.tags.map((tag) => tag.nameZh));

/** Tag names by group key. */
export function tagNamesByGroup(groups: readonly TaxonomyGroup[] = TAG_GROUPS): Record<string, string[]> {
  return Object.fromEntries(groups.map((group) => [group.key, group.tags.map((tag) => tag.nameZh)]));
}
