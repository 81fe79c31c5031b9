import type { TemplateCatalogue } from './template-catalogue';

/**
 * 简体中文通知。`{name}` 为取值；`{?name}…{/name}` 仅在 `name` 有值时出现。
 * 金额已格式化（`¥1,500,000.00`），状态与企业类别使用下列用语。
 */
export const ZH_CN_TEMPLATES: TemplateCatalogue = {
  locale: 'zh-CN',
  notices: {
    'application.submitted': {
      title: '申请已提交：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”已提交审核。\n' +
        '申请金额：{requestedAmount}。\n' +
        '当前状态：{status}。\n' +
        '{?comment}备注：{comment}\n{/comment}' +
        '查看进度：{link}',
    },
    'application.review-started': {
      title: '申请进入审核：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”已进入审核。\n' +
        '申请金额：{requestedAmount}。\n' +
        '当前状态：{status}。\n' +
        '查看进度：{link}',
    },
    'application.approved': {
      title: '申请已批准：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”已获批准。\n' +
        '批准金额：{approvedAmount}（申请金额：{requestedAmount}）。\n' +
        '当前状态：{status}。\n' +
        '{?comment}审核意见：{comment}\n{/comment}' +
        '查看进度：{link}',
    },
    'application.rejected': {
      title: '申请未获批准：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”未获批准。\n' +
        '申请金额：{requestedAmount}。\n' +
        '当前状态：{status}。\n' +
        '{?comment}原因：{comment}\n{/comment}' +
        '查看进度：{link}',
    },
    'application.returned': {
      title: '申请已退回修改：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”已退回修改，修改后可重新提交。\n' +
        '申请金额：{requestedAmount}。\n' +
        '当前状态：{status}。\n' +
        '{?comment}审核意见：{comment}\n{/comment}' +
        '查看进度：{link}',
    },
    'application.withdrawn': {
      title: '申请已撤回：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”已撤回。\n' +
        '申请金额：{requestedAmount}。\n' +
        '当前状态：{status}。\n' +
        '{?comment}备注：{comment}\n{/comment}' +
        '查看进度：{link}',
    },
    'application.disbursed': {
      title: '资金已拨付：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”已拨付一笔资金。\n' +
        '{?trancheAmount}本笔拨付：{trancheAmount}（凭证号：{trancheReference}）。\n{/trancheAmount}' +
        '累计拨付：{disbursedAmount}，批准金额：{approvedAmount}。\n' +
        '当前状态：{status}。\n' +
        '{?comment}备注：{comment}\n{/comment}' +
        '查看进度：{link}',
    },
    'application.closed': {
      title: '申请已结项：{title}',
      body:
        '申报项目“{programme}”（{programmeCode}）的申请“{title}”已结项。\n' +
        '累计拨付：{disbursedAmount}{?approvedAmount}，批准金额：{approvedAmount}{/approvedAmount}。\n' +
        '当前状态：{status}。\n' +
        '{?comment}备注：{comment}\n{/comment}' +
        '查看进度：{link}',
    },
    'designation.granted': {
      title: '已认定为 {cycle} 年度{tier}',
      body: '{enterprise}已被认定为 {cycle} 年度{tier}。\n' + '企业信息：{link}',
    },
    'designation.revoked': {
      title: '认定已撤销{?cycle}：{cycle} 年度{tier}{/cycle}',
      body:
        '{?cycle}{enterprise}的 {cycle} 年度{tier}认定已被撤销。\n{/cycle}' +
        '{?unknownDesignation}{enterprise}的一项认定已被撤销。\n{/unknownDesignation}' +
        '企业信息：{link}',
    },
    'programme.budget-low': {
      title: '预算即将用尽：{programme}',
      body:
        '支持项目“{programme}”（{programmeCode}，{cycle} 年度）的可用预算仅剩 {available}，占总预算 {total} 的 {availableShare}，已低于预警阈值 {threshold}。\n' +
        '已预留：{reserved}。已拨付：{disbursed}。\n' +
        '项目信息：{link}',
    },
    'programme.budget-exhausted': {
      title: '预算已耗尽：{programme}',
      body:
        '支持项目“{programme}”（{programmeCode}，{cycle} 年度）预算不足，一笔 {requestedAmount} 的批准被拒绝：可用预算仅剩 {available}，占总预算 {total} 的 {availableShare}。\n' +
        '审批人：{actor}。相关申请：{applicationLink}\n' +
        '已预留：{reserved}。已拨付：{disbursed}。\n' +
        '项目信息：{link}',
    },
    'trade.export-decline': {
      title: '出口下降预警：{enterprise}（{period}）',
      body:
        '{enterprise}（统一社会信用代码 {uscc}，{cycle} 年度{tier}）{period} 出口额为 {exports}，较上年同期 {previousExports}{change}。\n' +
        '贸易数据：{link}',
    },
  },
  statuses: {
    DRAFT: '草稿',
    SUBMITTED: '已提交',
    UNDER_REVIEW: '审核中',
    APPROVED: '已批准',
    REJECTED: '未获批准',
    RETURNED: '已退回修改',
    PARTIALLY_DISBURSED: '部分拨付',
    DISBURSED: '已全部拨付',
    CLOSED: '已结项',
    WITHDRAWN: '已撤回',
  },
  tiers: {
    BACKBONE: '骨干企业',
    POTENTIAL: '潜力企业',
  },
  purposes: {
    EXPORT_EXPANSION: '扩大出口',
    TECHNOLOGY_IMPORT: '技术引进',
    EQUIPMENT_IMPORT: '设备进口',
    TRADE_FAIR: '参加展会',
    MARKET_DEVELOPMENT: '市场开拓',
    ZONE_INVESTMENT: '园区投资',
  },
  change: { down: '下降 {percent}', up: '增长 {percent}', flat: '持平' },
  emailFooter: '--\nWestgate 外贸企业扶持平台。详情：{link}\n设置接收哪些邮件通知：{preferencesLink}',
};
